import type { ReactNode } from "react";

/** `<Figure caption="…">` around a table or a list: a captioned figure. */
export function Figure({ caption, children }: { caption: string; children?: ReactNode }) {
  return (
    <figure className="lesson-figure">
      <figcaption>{caption}</figcaption>
      {children}
    </figure>
  );
}
