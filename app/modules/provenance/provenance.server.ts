/**
 * Provenance of the data sets the platform shows. One row of `data_source` per data set says
 * whether it is illustrative and where it comes from; the demo seeds write it, and applying a
 * review-status import replaces it with the import's own statement. Pages ask `getDataNotice`
 * and render <DataNotice>; exports add `noticeLines` (CSV) or `noticeJson` (JSON).
 *
 * To mark another data set (the demo dialogues, the hub's demo members): call
 * `recordDataSource(executor, { dataset: "dialogues", illustrative: true, … })` in its seed,
 * return `getDataNotice("dialogues", locale)` from the page's view, render <DataNotice>, and call
 * `recordDataSource(… illustrative: false …)` when the secretariat loads real data.
 */
import { getDb, type Executor } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { noteIn, type DataNotice, type Dataset } from "./notice";

export type DataSourceInput = {
  dataset: Dataset;
  illustrative: boolean;
  description: string;
  notes?: Partial<Record<Locale, string>>;
  reviewImportId?: number | null;
  recordedBy?: string | null;
};

/** Records (replaces) where `dataset` comes from. Call it inside the transaction that loads the data. */
export async function recordDataSource(executor: Executor, input: DataSourceInput) {
  const values = {
    dataset: input.dataset,
    illustrative: input.illustrative,
    description: input.description,
    notes: JSON.stringify(input.notes ?? {}),
    review_import_id: input.reviewImportId ?? null,
    recorded_by: input.recordedBy ?? null,
    recorded_at: new Date(),
  };
  await executor
    .insertInto("data_source")
    .values(values)
    .onConflict((conflict) => conflict.column("dataset").doUpdateSet(values))
    .execute();
}

/** The recorded provenance of `dataset`, or undefined when nothing was recorded. */
export async function getDataSource(dataset: Dataset, executor: Executor = getDb()) {
  return executor.selectFrom("data_source").selectAll().where("dataset", "=", dataset).executeTakeFirst();
}

/** The notice a page of `dataset` shows, or null when the data set is not illustrative. */
export async function getDataNotice(dataset: Dataset, locale: Locale, executor: Executor = getDb()): Promise<DataNotice | null> {
  const source = await getDataSource(dataset, executor);
  return source?.illustrative ? { dataset, description: source.description, note: noteIn(source.notes, locale) } : null;
}

/** The notice of a single illustrative record (a demo library document). */
export function recordNotice(dataset: Dataset, description: string, note: string | null = null): DataNotice {
  return { dataset, description, note };
}

/** The notice's sentence in `locale`, as the <DataNotice> component words it. */
export async function noticeText(notice: DataNotice, locale: Locale, withNote = true): Promise<string> {
  const t = await getFixedT(locale, "common");
  return [t("dataNotice.title"), t(`dataNotice.datasets.${notice.dataset}`), withNote ? notice.note : null].filter(Boolean).join(" ");
}

/**
 * Comment lines that open a CSV export of illustrative data: the notice in the requested
 * language and in English. The import reads and skips lines starting with "#".
 */
export async function noticeLines(notice: DataNotice | null, locale: Locale): Promise<string> {
  if (!notice) return "";
  const locales: Locale[] = locale === "en" ? ["en"] : [locale, "en"];
  // The recorded note is in `locale`; the English line carries the generic sentence only.
  const lines = await Promise.all(locales.map(async (lang, index) => `# ${(await noticeText(notice, lang, index === 0)).replace(/[\r\n]+/g, " ")}`));
  lines.push(`# source: ${notice.description.replace(/[\r\n]+/g, " ")}`);
  return `${lines.join("\n")}\n`;
}

/** The member of a JSON export that says its data are illustrative (null for real data). */
export async function noticeJson(notice: DataNotice | null, locale: Locale) {
  if (!notice) return null;
  return { illustrative: true, dataset: notice.dataset, notice: await noticeText(notice, locale), source: notice.description };
}
