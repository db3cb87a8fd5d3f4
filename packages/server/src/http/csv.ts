/**
 * CSV encoding (RFC 4180: comma-separated, CRLF line ends, a field that holds a quote, comma or
 * line break is quoted with inner quotes doubled) for files that end up in spreadsheets.
 */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A text cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
 * spreadsheets skip before reading one of those) would be run as a formula when the file is
 * opened: an error message or model name chosen by a caller must not become
 * `=HYPERLINK(...)` on an operator's machine. Such text is prefixed with `'`, which spreadsheets
 * show as text. Numbers are written as they are (a negative number is not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
