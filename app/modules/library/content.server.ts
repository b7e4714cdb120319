import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { isLocale } from "~/utils/i18n";
import { expandClusterRefs } from "~/modules/treaty/cluster-refs.server";
import { ResourceEditionFrontmatter, ResourceMetaFile, splitPublishedOn, type ResourceInput } from "./library.schema.server";

const RESOURCES_DIR = path.resolve("content/resources");

/**
 * Reads the curated resources in content/resources/<slug>/ (meta.yml + <locale>.md) and
 * validates them. Throws with the file name on the first invalid file.
 */
export async function readResourceFiles(dir = RESOURCES_DIR): Promise<ResourceInput[]> {
  const slugs = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const resources: ResourceInput[] = [];
  for (const slug of slugs) {
    const folder = path.join(dir, slug);
    const metaFile = path.join(folder, "meta.yml");
    const meta = ResourceMetaFile.safeParse(expandClusterRefs(parseYaml(await readFile(metaFile, "utf8"))));
    if (!meta.success) throw new Error(`${metaFile}: ${meta.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
    const editions: ResourceInput["editions"] = [];
    for (const file of (await readdir(folder)).filter((name) => name.endsWith(".md")).sort()) {
      const locale = file.replace(/\.md$/, "");
      if (!isLocale(locale)) throw new Error(`${path.join(folder, file)}: unknown locale`);
      const parsed = matter(await readFile(path.join(folder, file), "utf8"));
      const front = ResourceEditionFrontmatter.safeParse(parsed.data);
      if (!front.success) throw new Error(`${path.join(folder, file)}: ${front.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
      editions.push({ locale, title: front.data.title, summary: front.data.summary, body: parsed.content.trim(), externalUrl: front.data.url ?? null });
    }
    if (!editions.some((edition) => edition.locale === "en")) throw new Error(`${folder}: an English edition (en.md) is required`);
    resources.push({
      slug,
      type: meta.data.type,
      ...(({ date, precision }) => ({ publishedOn: date, publishedPrecision: precision }))(splitPublishedOn(meta.data.publishedOn)),
      dateSource: meta.data.dateSource ?? null,
      illustrative: meta.data.illustrative ?? false,
      issuingBody: meta.data.issuingBody,
      symbol: meta.data.symbol ?? null,
      country: meta.data.country ?? null,
      supersedesSlug: meta.data.supersedes ?? null,
      status: "published",
      tags: meta.data.tags,
      editions,
    });
  }
  return resources;
}
