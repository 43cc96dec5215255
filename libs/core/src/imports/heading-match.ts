import { normalizeHeading } from '@app/domain';
import { FileError, FileErrorCode, RawRow, columnLetter, isCellProblem } from './import-common';
import { ColumnOf, ImportKind, columnHeadings } from './column-spec';

/** Finding the heading row among the first rows, and which file column each spec column is. */

export interface MatchedColumn<T> {
  spec: ColumnOf<T>;
  /** 0-based index in RawRow.cells. */
  index: number;
}

export interface HeadingMatch<T> {
  rowNumber: number;
  /** In the kind's column order; optional columns the file lacks are absent. */
  columns: MatchedColumn<T>[];
  /** Headings of the file that no column answers to (ignored). */
  ignoredHeadings: string[];
}

export type HeadingSearch<T> =
  | { ok: true; match: HeadingMatch<T> }
  /** `score`: how many columns the best row matched, to choose among failed attempts (CSV delimiters). */
  | { ok: false; error: FileError; score: number };

const quoted = (headings: readonly string[]): string => headings.map((h) => `“${h}”`).join(', ');

interface RowScan {
  rowNumber: number;
  found: Map<string, number[]>;
  ignored: string[];
}

function scanRow<T>(row: RawRow, byHeading: ReadonlyMap<string, ColumnOf<T>>): RowScan {
  const found = new Map<string, number[]>();
  const ignored: string[] = [];
  row.cells.forEach((cell, index) => {
    if (typeof cell !== 'string' || isCellProblem(cell)) return;
    const h = normalizeHeading(cell);
    if (!h) return;
    const spec = byHeading.get(h);
    if (!spec) return void ignored.push(cell.trim());
    found.set(spec.key, [...(found.get(spec.key) ?? []), index]);
  });
  return { rowNumber: row.rowNumber, found, ignored };
}

/**
 * The first of `rows` that has every required column's heading (matched by `normalizeHeading`: case,
 * diacritics, spacing and punctuation do not matter); or why there is none, naming the missing columns.
 */
export function findHeadingRow<T>(rows: readonly RawRow[], kind: ImportKind<T>, searchRows: number): HeadingSearch<T> {
  const byHeading = new Map<string, ColumnOf<T>>();
  for (const c of kind.columns) for (const h of columnHeadings(c)) byHeading.set(h, c);
  const required = kind.columns.filter((c) => c.required);
  let best: RowScan | null = null;
  for (const row of rows) {
    const scan = scanRow(row, byHeading);
    if (required.every((c) => scan.found.has(c.key))) {
      const twice = kind.columns.find((c) => (scan.found.get(c.key)?.length ?? 0) > 1);
      if (twice) {
        const letters = (scan.found.get(twice.key) ?? []).map(columnLetter).join(', ');
        return {
          ok: false,
          score: scan.found.size,
          error: {
            code: FileErrorCode.DUPLICATE_COLUMN,
            message: `Cột “${twice.heading}” xuất hiện nhiều lần ở dòng tiêu đề (dòng ${scan.rowNumber}, các cột ${letters}): hãy giữ lại một cột`,
          },
        };
      }
      const columns = kind.columns.flatMap((spec) => {
        const at = scan.found.get(spec.key);
        return at ? [{ spec, index: at[0] }] : [];
      });
      return { ok: true, match: { rowNumber: scan.rowNumber, columns, ignoredHeadings: scan.ignored } };
    }
    if (!best || scan.found.size > best.found.size) best = scan;
  }
  if (best && best.found.size > 0) {
    const missing = required.filter((c) => !best.found.has(c.key)).map((c) => c.heading);
    return {
      ok: false,
      score: best.found.size,
      error: {
        code: FileErrorCode.MISSING_COLUMNS,
        message: `Thiếu cột bắt buộc ${quoted(missing)} ở dòng tiêu đề (dòng ${best.rowNumber})`,
      },
    };
  }
  return {
    ok: false,
    score: 0,
    error: {
      code: FileErrorCode.HEADING_NOT_FOUND,
      message: `Không tìm thấy dòng tiêu đề cột trong ${searchRows} dòng đầu của tệp: cần có các cột ${quoted(required.map((c) => c.heading))}`,
    },
  };
}
