import type { ReactNode } from "react";
import { useLessonLabels } from "./labels";

/** `<KeyPoints>`: the lesson's summary, under its own heading so it is easy to find again. */
export function KeyPoints({ children }: { children?: ReactNode }) {
  const labels = useLessonLabels();
  return (
    <section className="key-points">
      <h2>{labels.keyPoints}</h2>
      {children}
    </section>
  );
}
