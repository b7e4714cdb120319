import type { Highlighted } from "~/modules/search/search.server";

/** Search highlights as <mark> elements: the text is never parsed as HTML. */
export function HighlightedText({ parts }: { parts: Highlighted }) {
  return (
    <>
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
