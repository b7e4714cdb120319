/** CSV for the review-status demo data, through csv-stringify and csv-parse (RFC 4180). */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** Rows as CSV with `header` as the first line; "\n" line ends; a field is quoted only when it must be. */
export function toCsv(header: string[], rows: Array<Record<string, string>>): string {
  return stringify(rows, { header: true, columns: header, record_delimiter: "\n" });
}

/** CSV with a header line into records keyed by column; blank lines are skipped. */
export function parseCsv(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
}
