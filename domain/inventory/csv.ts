/**
 * RFC 4180 CSV, as Excel in Taiwan opens it: UTF-8 with a BOM (without it Excel guesses Big5
 * and garbles Chinese), CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled inside. The parser also accepts LF or CR line ends and no BOM.
 */

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

export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  // A field that was quoted may be empty yet present; track it to tell "" from nothing.
  let fieldStarted = false;

  const endField = () => {
    cells.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push({ line: rowLine, cells });
    cells = [];
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !fieldStarted) {
      // Quoted field: runs to the next lone quote.
      const quoteLine = line;
      fieldStarted = true;
      i++;
      for (;;) {
        if (i >= text.length) return unreadable(quoteLine, { zhTW: '引號未結束', en: 'unterminated quoted field' });
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\r') {
          // Keep the line break as written but count CRLF as one line.
          field += text[i + 1] === '\n' ? '\r\n' : '\r';
          i += text[i + 1] === '\n' ? 2 : 1;
          line++;
          continue;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
        return unreadable(line, { zhTW: '引號欄位結束後出現多餘字元', en: 'characters after a closing quote' });
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    if (ch === '"') return unreadable(line, { zhTW: '未加引號的欄位中出現引號', en: 'quote inside an unquoted field' });
    field += ch;
    fieldStarted = true;
    i++;
  }
  // The last record needs no line break; a trailing line break adds no empty record.
  if (fieldStarted || field !== '' || cells.length > 0) endRow();
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
