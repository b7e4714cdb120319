import type { ReactNode } from "react";

/** A lesson body as the server rendered it: HTML between the places where quizzes stand. */
export type LessonSegment = { kind: "html"; html: string } | { kind: "quiz"; id: string };

/**
 * Shows the server-rendered lesson HTML and puts a live quiz form wherever the lesson had a quiz.
 * The HTML comes from our own content, compiled and rendered on the server; no user input reaches it.
 */
export function LessonBody({ segments, renderQuiz }: { segments: LessonSegment[]; renderQuiz: (id: string) => ReactNode }) {
  return (
    <div className="lesson-body">
      {segments.map((segment, index) =>
        segment.kind === "html" ? <div key={index} dangerouslySetInnerHTML={{ __html: segment.html }} /> : <div key={index}>{renderQuiz(segment.id)}</div>,
      )}
    </div>
  );
}
