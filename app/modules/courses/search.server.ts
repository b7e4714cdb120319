/**
 * The search hook: courses and lessons as SearchDocuments, built from the same content API the
 * pages use. Lesson bodies are plain text from the compiled lesson's extract (markup and JSX gone,
 * quiz prompts and options kept, the answer key never included).
 */
import type { SearchDocument } from "~/modules/search/documents";
import { LOCALES, type Locale } from "~/utils/i18n";
import { getContentIndex } from "./content.server";
import type { Cluster, Stage } from "~/modules/treaty/vocabulary";
import { compileLessonFile, listCourses, type CourseSummary } from "./lessons.server";

const union = (...lists: Array<readonly string[] | undefined>) => [...new Set(lists.flatMap((list) => list ?? []))];

export async function listCourseSearchDocuments(): Promise<SearchDocument[]> {
  const index = await getContentIndex();
  const documents: SearchDocument[] = [];
  for (const course of index.courses) {
    const { frontmatter } = course;
    for (const locale of LOCALES) {
      const title = frontmatter.title[locale];
      if (!title) continue;
      const lessonTitles = course.lessons.map((lesson) => (lesson.files[locale] ?? lesson.files.en).frontmatter.title);
      documents.push({
        id: `course:${course.slug}:${locale}`,
        kind: "course",
        itemId: `course:${course.slug}`,
        locale,
        title,
        summary: frontmatter.summary[locale] ?? frontmatter.summary.en!,
        body: lessonTitles.join("\n"),
        path: `/courses/${course.slug}`,
        type: "course",
        instruments: [...frontmatter.tags.instruments],
        articles: [...frontmatter.tags.articles],
        clusters: [...frontmatter.tags.clusters],
        stages: [...frontmatter.tags.stages],
        audiences: [...frontmatter.audiences],
        country: null,
        year: null,
      });
    }
    for (const lesson of course.lessons) {
      for (const locale of LOCALES) {
        const file = lesson.files[locale];
        if (!file) continue;
        const compiled = await compileLessonFile(file);
        const tags = file.frontmatter.tags ?? {};
        documents.push({
          id: `lesson:${course.slug}/${lesson.slug}:${locale}`,
          kind: "lesson",
          itemId: `lesson:${course.slug}/${lesson.slug}`,
          locale,
          title: file.frontmatter.title,
          summary: frontmatter.title[locale] ?? frontmatter.title.en!,
          body: compiled.extract.text,
          path: `/courses/${course.slug}/${lesson.slug}`,
          type: "lesson",
          instruments: union(frontmatter.tags.instruments, tags.instruments),
          articles: union(frontmatter.tags.articles, tags.articles),
          clusters: union(frontmatter.tags.clusters, tags.clusters),
          stages: union(frontmatter.tags.stages, tags.stages),
          audiences: [...frontmatter.audiences],
          country: null,
          year: null,
        });
      }
    }
  }
  return documents;
}

/**
 * Courses that match any of the given tags (a country profile shows those fitting its review
 * stage, a resource page those on its articles), in catalogue order, titles in `locale`.
 */
export async function listCoursesByTags({ stages, clusters, articles, locale }: { stages?: Stage[] | string[]; clusters?: Cluster[] | string[]; articles?: string[]; locale: Locale }): Promise<CourseSummary[]> {
  const wanted = { stages: new Set<string>(stages ?? []), clusters: new Set<string>(clusters ?? []), articles: new Set<string>(articles ?? []) };
  const none = wanted.stages.size === 0 && wanted.clusters.size === 0 && wanted.articles.size === 0;
  return (await listCourses(locale)).filter(
    (course) =>
      none ||
      course.tags.stages.some((stage) => wanted.stages.has(stage)) ||
      course.tags.clusters.some((cluster) => wanted.clusters.has(cluster)) ||
      course.tags.articles.some((article) => wanted.articles.has(article)),
  );
}
