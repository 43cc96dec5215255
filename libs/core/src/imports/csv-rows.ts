import { FileErrorCode, ImportRefusal, RawRow } from './import-common';

/**
 * A small RFC 4180 reader: fields separated by the delimiter, records by CRLF, LF or CR; a field in
 * double quotes may hold delimiters, new lines and doubled quotes (""). Lenient where Excel is: a quote
 * inside an unquoted field is an ordinary character, and text after a closing quote is kept.
 * (Written here rather than borrowed: no CSV parser is a direct dependency of the project.)
 */

export type CsvDelimiter = ',' | ';' | '\t';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Records of the text, numbered from 1 as a spreadsheet numbers rows (a record whose quoted field spans
 * lines is still one row). A blank line is a record with one empty field.
 */
export function* csvRecords(text: string, delimiter: CsvDelimiter): Generator<RawRow> {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let rowNumber = 0;
  while (i < n) {
    rowNumber++;
    const cells: string[] = [];
    let field = '';
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        // Quoted part: up to the quote that is not doubled.
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            throw new ImportRefusal(FileErrorCode.CORRUPT, `Tệp CSV có dấu ngoặc kép (") mở ở dòng ${rowNumber} mà không đóng`);
          }
          field += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            field += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      }
      // Unquoted part (or what follows a closing quote): up to the delimiter or the end of the line.
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === LF || c === CR) break;
        k++;
      }
      field += text.slice(i, k);
      i = k;
      cells.push(field);
      field = '';
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, CR or the end of the text.
      if (i < n && text.charCodeAt(i) === CR) i++;
      if (i < n && text.charCodeAt(i) === LF) i++;
      break;
    }
    yield { rowNumber, cells };
  }
}

/**
 * Delimiters in the order to try them: the one found most often outside quotes in the first lines
 * first (a title line has none, an address has commas, so the heading match decides in the end).
 */
export function delimiterCandidates(text: string, lines = 10): CsvDelimiter[] {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((c) => [c, 0]));
  let inQuotes = false;
  let seen = 0;
  for (let i = 0; i < text.length && seen < lines; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      seen++;
    } else if (!inQuotes && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
    }
  }
  // Stable sort: on a tie the order of CSV_DELIMITERS holds.
  return [...CSV_DELIMITERS].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
}
