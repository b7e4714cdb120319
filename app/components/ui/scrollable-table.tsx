import type { ReactNode } from "react";

/**
 * The container of a wide table: it scrolls sideways on a phone instead of widening the page
 * (WCAG 1.4.10), and takes keyboard focus so that it can be scrolled without a mouse. It is a
 * named group, not a region: a region landmark would repeat the section it sits in.
 */
export function ScrollableTable({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-scroll ${className}` : "table-scroll"} role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
