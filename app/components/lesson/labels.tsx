import { createContext, useContext } from "react";

/** Labels the lesson components show, in the reader's language (filled in by the server render). */
export type LessonLabels = { info: string; tip: string; warning: string; keyPoints: string; definition: string };

const DEFAULT_LABELS: LessonLabels = { info: "Note", tip: "Tip", warning: "Warning", keyPoints: "Key points", definition: "Definition" };

export const LessonLabelsContext = createContext<LessonLabels>(DEFAULT_LABELS);

export function useLessonLabels() {
  return useContext(LessonLabelsContext);
}
