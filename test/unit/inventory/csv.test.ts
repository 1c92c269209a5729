import { describe, expect, it } from 'vitest';
import { isBlankRow, parseCsv, serializeCsv, UTF8_BOM, type CsvSyntaxError } from '../../../domain/inventory/csv';

const rowsOf = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
};

describe('parseCsv', () => {
  it('reads plain fields with CRLF, LF and CR line ends', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      expect(rowsOf(`a,b${eol}c,d${eol}`)).toEqual([
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['c', 'd'] },
      ]);
    }
  });

  it('strips the BOM only at the start', () => {
    expect(rowsOf(`${UTF8_BOM}名稱,筆數\r\n`)[0]!.cells).toEqual(['名稱', '筆數']);
    expect(rowsOf(`a,${UTF8_BOM}b`)[0]!.cells).toEqual(['a', `${UTF8_BOM}b`]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps line numbers', () => {
    const rows = rowsOf('"a,1","say ""hi""","x\r\ny\nz"\r\nnext,row\r\n');
    expect(rows[0]).toEqual({ line: 1, cells: ['a,1', 'say "hi"', 'x\r\ny\nz'] });
    expect(rows[1]).toEqual({ line: 4, cells: ['next', 'row'] });
  });

  it('keeps empty fields, quoted empty fields and a last record without a line break', () => {
    expect(rowsOf('a,,c')).toEqual([{ line: 1, cells: ['a', '', 'c'] }]);
    expect(rowsOf('a,""')).toEqual([{ line: 1, cells: ['a', ''] }]);
    expect(rowsOf('a,')).toEqual([{ line: 1, cells: ['a', ''] }]);
    expect(rowsOf('""')).toEqual([{ line: 1, cells: [''] }]);
  });

  it('reports blank lines as blank rows without shifting line numbers', () => {
    const rows = rowsOf('a\r\n\r\n,\r\nb\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(rows.map(isBlankRow)).toEqual([false, true, true, false]);
  });

  it('an empty text has no rows', () => {
    expect(rowsOf('')).toEqual([]);
    expect(rowsOf(UTF8_BOM)).toEqual([]);
  });

  it.each([
    ['"abc', 1, 'unterminated'],
    ['a\r\n"x\r\ny', 2, 'unterminated'],
    ['"abc"d,e', 1, 'after a closing quote'],
    ['ab"c,d', 1, 'quote inside'],
    ['a\nb"c', 2, 'quote inside'],
  ])('rejects %j at line %i', (text, line, reason) => {
    const result = parseCsv(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect((result.error.details as CsvSyntaxError).line).toBe(line);
    expect(result.error.message.en).toContain(reason);
    expect(result.error.message.zhTW.length).toBeGreaterThan(0);
  });
});

describe('serializeCsv', () => {
  it('writes a BOM, CRLF and quotes only what needs it', () => {
    expect(serializeCsv([['a', 'b,c', 'd"e', 'f\ng', ' h', '']])).toBe(`${UTF8_BOM}a,"b,c","d""e","f\ng"," h",\r\n`);
    expect(serializeCsv([['x']], { bom: false })).toBe('x\r\n');
    expect(serializeCsv([])).toBe(UTF8_BOM);
  });

  it('round-trips awkward values', () => {
    const rows = [
      ['業務流程/個資檔案名稱', '"quoted"', 'a,b', 'line1\r\nline2', '', '  padded  '],
      ['"', '""', ',', '\n', '\r', 'end'],
    ];
    expect(rowsOf(serializeCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });
});
