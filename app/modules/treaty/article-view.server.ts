import { listObservationsForArticle } from "~/modules/dialogues/observation-views.server";
import { listTaggedWithArticle } from "~/modules/library/queries.server";
import type { Locale } from "~/utils/i18n";
import { getArticle } from "./treaty.server";

const KIND_ORDER = ["resource", "course", "lesson", "hub_post"];

/**
 * An article's page: the article, what is tagged with it (resources, courses, lessons, hub posts)
 * and the published dialogue observations that concern it — listed in their own section, so the
 * search documents of observations are left out of the tagged list. Null for an unknown article.
 */
export async function getArticleView(instrument: string, number: string, locale: Locale) {
  const article = await getArticle(instrument, number, locale);
  if (!article) return null;
  const [tagged, observations] = await Promise.all([listTaggedWithArticle(article.ref, locale), listObservationsForArticle(article.ref, locale)]);
  return {
    article,
    tagged: tagged
      .filter((item) => KIND_ORDER.includes(item.kind))
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.title.localeCompare(b.title, locale)),
    observations,
  };
}
