/**
 * Turns a compiled lesson into HTML on the server, once per content version and language of the
 * labels. The browser gets HTML, never the compiled code: our CSP forbids `eval`, which
 * `getMDXComponent` needs, and HTML is lighter on a slow connection than code plus a runtime.
 */
import { LRUCache } from "lru-cache";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { renderToStaticMarkup } from "react-dom/server";
import type { ComponentProps } from "react";
import { LessonLabelsContext, type LessonLabels } from "~/components/lesson/labels";
import type { LessonSegment } from "~/components/lesson/lesson-body";
import { lessonComponents } from "~/components/lesson/mdx-components";
import type { Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import type { CompiledLesson } from "./compile-mdx.server";

const rendered = new LRUCache<string, LessonSegment[]>({ max: 1000 });

const QUIZ_MARKER = /<div data-quiz="([a-z0-9-]+)"><\/div>/g;

export async function getLessonLabels(locale: Locale): Promise<LessonLabels> {
  const t = await getFixedT(locale, "courses");
  return { info: t("components.info"), tip: t("components.tip"), warning: t("components.warning"), keyPoints: t("components.keyPoints"), definition: t("components.definition") };
}

/** Splits the rendered HTML at each quiz so the page can put a form there. */
export function splitAtQuizzes(html: string): LessonSegment[] {
  const segments: LessonSegment[] = [];
  let last = 0;
  for (const match of html.matchAll(QUIZ_MARKER)) {
    if (match.index > last) segments.push({ kind: "html", html: html.slice(last, match.index) });
    segments.push({ kind: "quiz", id: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < html.length) segments.push({ kind: "html", html: html.slice(last) });
  return segments;
}

/** The lesson's HTML segments, with component labels in `labelLocale`. */
export async function renderLessonSegments(compiled: CompiledLesson, labelLocale: Locale): Promise<LessonSegment[]> {
  const cacheKey = `${compiled.hash}:${labelLocale}`;
  const hit = rendered.get(cacheKey);
  if (hit) return hit;
  const labels = await getLessonLabels(labelLocale);
  const Component = getMDXComponent(compiled.code);
  const html = renderToStaticMarkup(
    <LessonLabelsContext.Provider value={labels}>
      <Component components={lessonComponents as ComponentProps<typeof Component>["components"]} />
    </LessonLabelsContext.Provider>,
  );
  const segments = splitAtQuizzes(html);
  rendered.set(cacheKey, segments);
  return segments;
}
