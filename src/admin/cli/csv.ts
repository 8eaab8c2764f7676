/**
 * CSV for Excel: RFC 4180 quoting, CRLF line ends, a BOM for UTF-8 (so Excel detects it) or
 * GBK bytes (what Excel in China opens by default), and text cells that Excel would read as a
 * formula (= + - @ …) defused with a leading apostrophe.
 */
import iconv from 'iconv-lite';

/** A cell: text (quoted as needed, formula-defused), a number, empty for null. */
export type CsvCell = string | number | null;

/**
 * One CSV line (with CRLF).
 *
 * ```ts
 * csvLine([1, '王, 芳', '=1+1', null]); // '1,"王, 芳",\'=1+1,\r\n'
 * ```
 */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  // A resident's text starting like a formula must stay text in Excel (CSV injection).
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The UTF-8 byte order mark. */
export const UTF8_BOM = '\uFEFF';

/** Encode CSV text for the file: GBK, or UTF-8 (the BOM is written once by the caller). */
export function encodeCsv(text: string, encoding: 'utf8' | 'gbk'): Buffer {
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}
