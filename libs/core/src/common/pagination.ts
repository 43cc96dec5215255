import { badInput } from './app-error';
import { RULE } from './messages-vi';

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export const MAX_PAGE = 200;

export function checkFirst(first: number | null | undefined): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw badInput({ first: RULE.between('first', 1, MAX_PAGE) });
  return n;
}

/** Opaque keyset cursor: the sort key of the last row. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string')) return key;
  } catch {
    // fall through
  }
  throw badInput({ after: RULE.badCursor() });
}
