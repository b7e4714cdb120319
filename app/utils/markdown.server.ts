import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * Markdown to HTML for text the secretariat writes. micromark escapes raw HTML unless told
 * otherwise, and we never tell it: no user-supplied markup reaches the page.
 */
export function renderMarkdown(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** Markdown to plain text, for search documents and summaries. */
export function markdownToText(markdown: string): string {
  return renderMarkdown(markdown)
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

const memberMarkdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Raw HTML a member types is shown as the text they typed, as micromark does for our own Markdown.
  .use(() => (tree) => rawHtmlAsText(tree as unknown as MdastParent))
  .use(remarkRehype)
  // GitHub's allow-list: no scripts, no event handlers, links only to http(s), mailto and the like.
  // javascript:, data: and other schemes lose their href, and the anchor goes with it below.
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "md-" })
  .use(() => (tree) => unwrapLinksWithoutHref(tree as unknown as HastParent))
  .use(rehypeExternalLinks, { rel: ["nofollow", "ugc"], protocols: ["http", "https", "mailto"] })
  .use(rehypeStringify);

type MdastNode = { type: string; value?: string; children?: MdastNode[] };
type MdastParent = { children: MdastNode[] };

function rawHtmlAsText(parent: MdastParent) {
  for (const node of parent.children) {
    if (node.type === "html") node.type = "text";
    else if (node.children) rawHtmlAsText(node as MdastParent);
  }
}

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
type HastParent = { children: HastNode[] };

/** An anchor the sanitizer stripped of its URL is no link at all: keep its text only. */
function unwrapLinksWithoutHref(parent: HastParent) {
  parent.children = parent.children.flatMap((node) => {
    if (node.children) unwrapLinksWithoutHref(node as HastParent);
    return node.type === "element" && node.tagName === "a" && !node.properties?.href ? (node.children ?? []) : [node];
  });
}

/**
 * Markdown written by members (hub posts and comments) to HTML: raw HTML dropped, the result
 * passed through rehype-sanitize's allow-list, links only with safe schemes, and every link
 * marked `rel="nofollow ugc"` so that posting links earns nothing from search engines.
 */
export function renderMemberMarkdown(markdown: string): string {
  return String(memberMarkdown.processSync(markdown));
}
