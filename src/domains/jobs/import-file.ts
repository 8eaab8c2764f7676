/**
 * Reading the hub's posting files: CSV in UTF-8 (with or without a BOM) or GBK — Excel in China
 * saves GBK — or a JSON array of objects. The encoding is detected: bytes that are valid UTF-8
 * are read as UTF-8, anything else is decoded as GBK.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { ImportRecord } from './service.js';

/** The text of a file's bytes and the encoding it was read as. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'gbk'), encoding: 'gbk' };
  }
}

/**
 * Turn a file's bytes into records with their line numbers (CSV: the line the record starts on,
 * the header being line 1; JSON: the element's position, from 1).
 *
 * ```ts
 * readPostingsFile(readFileSync('seed/jobs-demo.csv'), 'jobs-demo.csv').records[0];
 * // { line: 2, record: { 岗位编号: 'JH-A01', 用工单位: '六禾物业', … } }
 * ```
 * @throws when the file is neither valid CSV nor a JSON array.
 */
export function readPostingsFile(bytes: Uint8Array, name: string): { records: ImportRecord[]; encoding: 'utf-8' | 'gbk'; format: 'csv' | 'json' } {
  const { text, encoding } = decodeText(bytes);
  if (name.toLowerCase().endsWith('.json') || /^\s*\[/.test(text)) {
    const data = JSON.parse(text) as unknown;
    if (!Array.isArray(data)) throw new Error('JSON file must hold an array of postings');
    const records = data.map((record, i) => ({
      line: i + 1,
      record: record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : {},
    }));
    return { records, encoding, format: 'json' };
  }
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  return { records: rows.map((r) => ({ line: r.info.lines, record: r.record })), encoding, format: 'csv' };
}
