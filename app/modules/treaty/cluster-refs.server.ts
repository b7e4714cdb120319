/**
 * `cluster:I` in a list of article tags stands for every article of that cluster as
 * content/treaty/treaty.json lists it: the one source of truth for what a cluster covers, so that
 * resources and courses about "the articles of cluster I" cannot disagree with it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { TreatyFile } from "./treaty.schema.server";

let clusters: Map<string, string[]> | null = null;

/** The articles of each cluster, from treaty.json (read once). */
export function clusterArticles(file = path.resolve("content/treaty/treaty.json")): Map<string, string[]> {
  if (!clusters) {
    const treaty = TreatyFile.parse(JSON.parse(readFileSync(file, "utf8")));
    clusters = new Map(treaty.clusters.map((cluster) => [cluster.code, cluster.articles]));
  }
  return clusters;
}

/**
 * Replaces each `cluster:<code>` in `tags.articles` of raw (unvalidated) frontmatter by that
 * cluster's articles; anything else is left for the schema to validate.
 */
export function expandClusterRefs<T>(raw: T): T {
  const tags = (raw as { tags?: { articles?: unknown } } | null)?.tags;
  if (!tags || !Array.isArray(tags.articles) || !tags.articles.some((ref) => typeof ref === "string" && ref.startsWith("cluster:"))) return raw;
  const expanded = tags.articles.flatMap((ref) => {
    if (typeof ref !== "string" || !ref.startsWith("cluster:")) return [ref];
    const articles = clusterArticles().get(ref.slice("cluster:".length));
    return articles ?? [ref];
  });
  return { ...raw, tags: { ...tags, articles: [...new Set(expanded)] } };
}
