import { FileErrorCode, ImportRefusal, columnLetter, formatCount, formatMegabytes } from './import-common';
import { csvRecords, delimiterCandidates } from './csv-rows';

const records = (text: string, d: ',' | ';' | '\t' = ','): string[][] => [...csvRecords(text, d)].map((r) => r.cells as string[]);

describe('csvRecords', () => {
  it('splits fields and records on CRLF, LF and CR', () => {
    expect(records('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('does not add a record for the final line break', () => {
    expect(records('a,b\r\n')).toEqual([['a', 'b']]);
  });

  it('keeps empty fields and blank lines, numbered as rows', () => {
    const rows = [...csvRecords('a,,c\n\n,\n', ',')];
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', '', 'c'] },
      { rowNumber: 2, cells: [''] },
      { rowNumber: 3, cells: ['', ''] },
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks, one row each', () => {
    const rows = [...csvRecords('"Công ty ""Ánh Dương""","Số 1, Lê Lợi\r\nTP Thái Bình",12\nB,x,1\n', ',')];
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Công ty "Ánh Dương"', 'Số 1, Lê Lợi\r\nTP Thái Bình', '12'] },
      { rowNumber: 2, cells: ['B', 'x', '1'] },
    ]);
  });

  it('uses the delimiter given', () => {
    expect(records('a;b,c;"d;e"', ';')).toEqual([['a', 'b,c', 'd;e']]);
    expect(records('a\tb c', '\t')).toEqual([['a', 'b c']]);
  });

  it('is lenient like Excel with stray quotes', () => {
    expect(records('ab"c,"d"e')).toEqual([['ab"c', 'de']]);
  });

  it('refuses an unclosed quote, naming the row', () => {
    let error: unknown;
    try {
      records('a,b\nc,"d\ne,f\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportRefusal);
    expect((error as ImportRefusal).error).toEqual({
      code: FileErrorCode.CORRUPT,
      message: 'Tệp CSV có dấu ngoặc kép (") mở ở dòng 2 mà không đóng',
    });
  });
});

describe('delimiterCandidates', () => {
  it('puts the most frequent delimiter first', () => {
    expect(delimiterCandidates('a;b;c\n1;2;3')[0]).toBe(';');
    expect(delimiterCandidates('a,b,c\n1,2,3')[0]).toBe(',');
    expect(delimiterCandidates('a\tb\tc')[0]).toBe('\t');
  });

  it('ignores delimiters inside quotes', () => {
    expect(delimiterCandidates('"a,b,c,d";x;y\n')[0]).toBe(';');
  });

  it('returns every delimiter, comma first on a tie', () => {
    expect(delimiterCandidates('title only')).toEqual([',', ';', '\t']);
  });
});

describe('helpers of import-common', () => {
  it('names columns as a spreadsheet does and counts the Vietnamese way', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect([0, 999, 1000, 100_000, 1_234_567].map(formatCount)).toEqual(['0', '999', '1.000', '100.000', '1.234.567']);
    expect(formatMegabytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatMegabytes(20 * 1024 * 1024 + 1)).toBe('21 MB');
  });
});
