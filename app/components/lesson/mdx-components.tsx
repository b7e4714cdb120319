import { Callout } from "./callout";
import { Figure } from "./figure";
import { KeyPoints } from "./key-points";
import { QuizMarker } from "./quiz";
import { Term } from "./term";

/** The components a lesson may use without importing them (docs/content-format.md). */
export const lessonComponents = { Callout, Term, Figure, KeyPoints, Quiz: QuizMarker };
