/**
 * Every CSV Agora writes goes through here. A cell a spreadsheet would read as a formula (one
 * starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, as
 * OWASP advises against CSV injection; numbers stay numbers. `readCsvCell` undoes it, so a file
 * exported and imported again is unchanged.
 */
import { stringify, type Input, type Options } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of one cell as it is safe to hand to a spreadsheet. */
export function csvSafeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of csvSafeCell, for importers reading files we exported. */
export function readCsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** csv-stringify with every string cell made safe (objects or arrays of cells, as stringify takes). */
export function toCsv(records: Input, options: Omit<Options, "cast"> = {}): string {
  return stringify(records, { ...options, cast: { string: (value) => csvSafeCell(value) } });
}
