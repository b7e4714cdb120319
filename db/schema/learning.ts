import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, NullableTimestamp } from "./platform";

export interface CourseEnrollmentTable {
  user_id: string;
  course_slug: string;
  enrolled_at: CreatedAt;
  completed_at: NullableTimestamp;
}

export interface LessonProgressTable {
  user_id: string;
  course_slug: string;
  lesson_slug: string;
  completed_at: CreatedAt;
}

export interface QuizAttemptTable {
  id: Generated<number>;
  user_id: string;
  course_slug: string;
  lesson_slug: string;
  quiz_id: string;
  /** Question id → chosen option ids. */
  answers: ColumnType<Record<string, string[]>, string, never>;
  /** Question id → "right" | "wrong". */
  results: ColumnType<Record<string, "right" | "wrong">, string, never>;
  correct_count: number;
  question_count: number;
  score: number;
  passed: boolean;
  created_at: CreatedAt;
}

export interface CertificateTable {
  code: string;
  user_id: string;
  course_slug: string;
  holder_name: string;
  issued_at: CreatedAt;
}

export interface LearningTables {
  course_enrollment: CourseEnrollmentTable;
  lesson_progress: LessonProgressTable;
  quiz_attempt: QuizAttemptTable;
  certificate: CertificateTable;
}
