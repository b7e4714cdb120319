import { useId, type ReactNode } from "react";
import { useLessonLabels } from "./labels";

/**
 * `<Term definition="…">focal point</Term>`: the term, with its definition shown on hover and on
 * keyboard focus (CSS only, no script) and read out by screen readers through aria-describedby.
 * The lesson also lists every term in a glossary at its end, and print shows the definition inline.
 */
export function Term({ definition, children }: { definition: string; children?: ReactNode }) {
  const id = useId();
  const labels = useLessonLabels();
  return (
    <span className="term">
      <dfn tabIndex={0} aria-describedby={id}>
        {children}
      </dfn>
      <span role="tooltip" id={id} className="term__definition">
        <span className="visually-hidden">{labels.definition}: </span>
        {definition}
      </span>
    </span>
  );
}
