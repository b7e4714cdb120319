import type { ReactNode } from "react";
import { useLessonLabels } from "./labels";

/** `<Callout kind="info|tip|warning" title="…">`: a boxed note; the kind is spelled out, never shown by colour alone. */
export function Callout({ kind = "info", title, children }: { kind?: "info" | "tip" | "warning"; title?: string; children?: ReactNode }) {
  const labels = useLessonLabels();
  const label = labels[kind] ?? labels.info;
  return (
    <div role="note" className={`callout callout--${kind}`}>
      <p className="callout__title">
        <strong>{title ? `${label}: ${title}` : label}</strong>
      </p>
      {children}
    </div>
  );
}
