import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { getDb, type Executor } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { pickLocalized } from "~/utils/format";
import { TreatyFile } from "./treaty.schema.server";

const TREATY_FILE = path.resolve("content/treaty/treaty.json");

export async function readTreatyFile(): Promise<TreatyFile> {
  return TreatyFile.parse(JSON.parse(await readFile(TREATY_FILE, "utf8")));
}

/** Loads content/treaty/treaty.json into the treaty tables (idempotent: upserts everything). */
export async function seedTreaty(executor: Executor = getDb()) {
  const treaty = await readTreatyFile();
  const clusterOf = new Map<string, string>();
  for (const cluster of treaty.clusters) for (const ref of cluster.articles) clusterOf.set(ref, cluster.code);
  await executor.transaction().execute(async (trx) => {
    await trx
      .insertInto("instrument")
      .values(
        treaty.instruments.map((instrument, index) => ({
          code: instrument.code,
          kind: instrument.kind,
          position: index,
          adopted_on: instrument.adoptedOn ?? null,
          in_force_on: instrument.inForceOn ?? null,
          title: JSON.stringify(instrument.title),
          short_title: JSON.stringify(instrument.shortTitle),
        })),
      )
      .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ title: eb.ref("excluded.title"), short_title: eb.ref("excluded.short_title"), position: eb.ref("excluded.position") })))
      .execute();
    await trx
      .insertInto("cluster")
      .values(treaty.clusters.map((cluster, index) => ({ code: cluster.code, position: index, title: JSON.stringify(cluster.title) })))
      .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ title: eb.ref("excluded.title") })))
      .execute();
    await trx
      .insertInto("article")
      .values(
        treaty.instruments.flatMap((instrument) =>
          instrument.articles.map((article, index) => ({
            instrument_code: instrument.code,
            number: article.number,
            position: index,
            title: JSON.stringify(article.title),
            cluster_code: clusterOf.get(`${instrument.code}:${article.number}`) ?? null,
          })),
        ),
      )
      .onConflict((oc) => oc.columns(["instrument_code", "number"]).doUpdateSet((eb) => ({ title: eb.ref("excluded.title"), cluster_code: eb.ref("excluded.cluster_code") })))
      .execute();
    await trx
      .insertInto("review_stage")
      .values(
        treaty.stages.map((stage, index) => ({
          code: stage.code,
          position: index,
          title: JSON.stringify(stage.title),
          description: JSON.stringify(stage.description),
          stakeholders: JSON.stringify(stage.whatStakeholdersCanDo),
        })),
      )
      .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ title: eb.ref("excluded.title"), description: eb.ref("excluded.description"), stakeholders: eb.ref("excluded.stakeholders") })))
      .execute();
  });
}

const labelCache = new Map<Locale, { at: number; labels: Promise<TreatyLabels> }>();
type TreatyLabels = Awaited<ReturnType<typeof loadTreatyLabels>>;

/**
 * Instruments, clusters and stages with titles in `locale`: the labels of search facets and tags.
 * The treaty changes only with a seed, so labels are kept for a minute per locale.
 */
export function getTreatyLabels(locale: Locale): Promise<TreatyLabels> {
  const cached = labelCache.get(locale);
  if (cached && Date.now() - cached.at < 60_000) return cached.labels;
  const labels = loadTreatyLabels(locale);
  labels.catch(() => labelCache.delete(locale));
  labelCache.set(locale, { at: Date.now(), labels });
  return labels;
}

async function loadTreatyLabels(locale: Locale) {
  const db = getDb();
  const [instruments, clusters, stages] = await Promise.all([
    db.selectFrom("instrument").select(["code", "short_title"]).orderBy("position").execute(),
    db.selectFrom("cluster").select(["code", "title"]).orderBy("position").execute(),
    db.selectFrom("review_stage").select(["code", "title"]).orderBy("position").execute(),
  ]);
  return {
    instruments: instruments.map((row) => ({ code: row.code, title: pickLocalized(row.short_title, locale) })),
    clusters: clusters.map((row) => ({ code: row.code, title: pickLocalized(row.title, locale) })),
    stages: stages.map((row) => ({ code: row.code, title: pickLocalized(row.title, locale) })),
  };
}

export async function getArticle(instrumentCode: string, number: string, locale: Locale) {
  const row = await getDb()
    .selectFrom("article")
    .innerJoin("instrument", "instrument.code", "article.instrument_code")
    .leftJoin("cluster", "cluster.code", "article.cluster_code")
    .select(["article.number", "article.title", "article.cluster_code", "instrument.code as instrument_code", "instrument.title as instrument_title", "cluster.title as cluster_title"])
    .where("article.instrument_code", "=", instrumentCode)
    .where("article.number", "=", number)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ref: `${row.instrument_code}:${row.number}`,
    instrumentCode: row.instrument_code,
    number: row.number,
    title: pickLocalized(row.title, locale),
    instrumentTitle: pickLocalized(row.instrument_title, locale),
    cluster: row.cluster_code ? { code: row.cluster_code, title: pickLocalized(row.cluster_title, locale) } : null,
  };
}

/** Titles of the given article refs (`untoc:5`…), for tag labels. */
export async function getArticleTitles(refs: string[], locale: Locale) {
  if (refs.length === 0) return new Map<string, string>();
  const rows = await getDb()
    .selectFrom("article")
    .select(["instrument_code", "number", "title"])
    .where(sql<string>`instrument_code || ':' || number`, "in", refs)
    .execute();
  return new Map(rows.map((row) => [`${row.instrument_code}:${row.number}`, pickLocalized(row.title, locale)]));
}
