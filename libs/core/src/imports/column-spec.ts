import { normalizeHeading } from '@app/domain';
import { CellValue } from './import-common';

/**
 * An import kind = a table of column specs + a row checker. The same reader serves every kind
 * (enterprise register, CĐCS staff lists …); a kind only says which columns it wants and how to read them.
 */

export type ParseResult<V> = { ok: true; value: V } | { ok: false; message: string };

/** A non-empty cell, as the readers deliver it. */
export type FilledCell = Exclude<CellValue, null>;

export interface ColumnType<V> {
  /** A non-empty cell → a value, or why not (Vietnamese). `heading` names the column in messages. */
  parse(cell: FilledCell, heading: string): ParseResult<V>;
  /** The cell an export writes for the value; `parse(format(v))` gives `v` back. */
  format(value: V): FilledCell;
  /** Excel number format for exported cells (dates). */
  numFmt?: string;
}

export interface ColumnSpec<K extends string, V> {
  /** Property of the parsed row (English). */
  key: K;
  /** The heading users see and the export writes (Vietnamese). */
  heading: string;
  /** Other headings that mean this column; matched like the heading, ignoring case, diacritics and punctuation. */
  aliases?: readonly string[];
  /** A required column must be in the heading row (else the file is refused) and filled on every row. */
  required: boolean;
  type: ColumnType<V>;
  /** The value of an empty cell of an optional column; null when not given. */
  emptyValue?: V;
  /** Width of the column in exported workbooks, in characters. */
  width?: number;
}

/** Any column of a row type T: its key is one of T's keys and its type reads that key's (non-null) value. */
export type ColumnOf<T> = { [K in keyof T & string]: ColumnSpec<K, NonNullable<T[K]>> }[keyof T & string];

/** A problem with one row; `column` is the Vietnamese heading, or null for the row as a whole. */
export interface RowError {
  column: string | null;
  message: string;
}

/**
 * Checks a row after its cells are parsed; one checker is made per file, so it may remember earlier rows
 * (duplicates). `values` holds what parsed, `errors` what did not.
 */
export type RowChecker<T> = (row: { rowNumber: number; values: Partial<T>; errors: readonly RowError[] }) => RowError[];

export interface ImportKind<T> {
  /** Short English id for logs and APIs, e.g. 'enterprise'. */
  id: string;
  /** What the file is, in Vietnamese, e.g. 'Danh sách doanh nghiệp' (sheet name of exports). */
  label: string;
  /** In the order of exported columns. */
  columns: readonly ColumnOf<T>[];
  checker?: () => RowChecker<T>;
}

/** The normalised headings (heading and aliases) a column answers to. */
export function columnHeadings(column: { heading: string; aliases?: readonly string[] }): string[] {
  return [column.heading, ...(column.aliases ?? [])].map(normalizeHeading);
}

/**
 * Checks a kind once, where it is declared: keys unique, and no two columns answering to the same
 * heading (else which one a file's column belongs to would depend on order).
 */
export function defineImportKind<T>(kind: ImportKind<T>): ImportKind<T> {
  const keys = new Set<string>();
  const owners = new Map<string, string>();
  for (const c of kind.columns) {
    if (keys.has(c.key)) throw new Error(`Import kind ${kind.id}: column key '${c.key}' twice`);
    keys.add(c.key);
    for (const h of columnHeadings(c)) {
      if (!h) throw new Error(`Import kind ${kind.id}: column '${c.key}' has an empty heading`);
      const owner = owners.get(h);
      if (owner !== undefined && owner !== c.key) {
        throw new Error(`Import kind ${kind.id}: heading '${h}' belongs to both '${owner}' and '${c.key}'`);
      }
      owners.set(h, c.key);
    }
  }
  return Object.freeze({ ...kind, columns: Object.freeze([...kind.columns]) });
}
