/**
 * RFC 4180 CSV, as Excel in Taiwan opens it: UTF-8 with a BOM (without it Excel guesses Big5
 * and garbles Chinese), CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled inside. Reading is csv-parse's (LF or CR line ends and no BOM accepted too).
 */

import { CsvError, parse } from 'csv-parse/sync';
import { fail, ok, type Outcome } from '../shared/outcome';

export const UTF8_BOM = '\uFEFF';

/** One record with the physical line it starts on (1-based), for error messages. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** Where a CSV stops being readable: the failure's `details`. */
export interface CsvSyntaxError {
  line: number;
}

export type CsvParseResult = Outcome<TableRow[], 'csvUnreadable'>;

const unreadable = (line: number, message: { zhTW: string; en: string }) => fail('invalid', 'csvUnreadable', message, { details: { line } satisfies CsvSyntaxError });

/** csv-parse's error codes, in the words of the people who fix the file. */
const syntaxReasons: Record<string, { zhTW: string; en: string }> = {
  CSV_QUOTE_NOT_CLOSED: { zhTW: '引號未結束', en: 'unterminated quoted field' },
  CSV_INVALID_CLOSING_QUOTE: { zhTW: '引號欄位結束後出現多餘字元', en: 'characters after a closing quote' },
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: { zhTW: '引號欄位結束後出現多餘字元', en: 'characters after a closing quote' },
  INVALID_OPENING_QUOTE: { zhTW: '未加引號的欄位中出現引號', en: 'quote inside an unquoted field' },
};

const LINE_BREAK = /\r\n|\r|\n/g;
const lineBreaks = (raw: string) => raw.match(LINE_BREAK)?.length ?? 0;

/**
 * Rows with the physical line each starts on. csv-parse reads the records; the start lines are
 * counted from each record's raw text (its own `info.lines` counts CRLF inside quotes twice).
 */
export function parseCsv(input: string): CsvParseResult {
  const rows: TableRow[] = [];
  // The line the next record starts on; on a syntax error, where the bad record starts.
  let line = 1;
  try {
    parse(input, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      raw: true,
      // With raw: true each record arrives as { raw, record } (csv-parse's types do not model it).
      on_record: (value: unknown) => {
        const { raw, record } = value as { raw: string; record: string[] };
        rows.push({ line, cells: record });
        line += lineBreaks(raw);
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return unreadable(line, syntaxReasons[error.code] ?? { zhTW: `CSV 格式錯誤（${error.code}）`, en: `unreadable CSV (${error.code})` });
  }
  return ok(rows);
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function serializeCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(quoteField).join(',')).join('\r\n');
  return (options.bom === false ? '' : UTF8_BOM) + (rows.length > 0 ? body + '\r\n' : '');
}

/** Blank lines and rows of empty cells carry nothing. */
export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}
