import { useCallback, useEffect, useState } from 'react';
import { fmtNumber } from '../i18n';

/**
 * Cursor paging (the API's `first`/`after`): the cursor of the page shown and those before it, so
 * that "Trang trước" goes back. Back to the first page whenever `resetKey` changes (a new filter).
 */
export function useCursorPager(resetKey: string) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [resetKey]);
  const next = useCallback((endCursor: string | null) => endCursor && setCursors((c) => [...c, endCursor]), []);
  const prev = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  return { after: cursors[cursors.length - 1], page: cursors.length, next, prev };
}

/** Which rows of how many are shown, and the buttons to the pages beside. */
export function Pager(p: {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  testId: string;
  what: string;
}) {
  const from = p.shown ? (p.page - 1) * p.pageSize + 1 : 0;
  const to = (p.page - 1) * p.pageSize + p.shown;
  return (
    <nav className="pager" aria-label={`Phân trang ${p.what}`} data-testid={p.testId}>
      <span aria-live="polite" data-testid={`${p.testId}-range`}>
        {fmtNumber(from)}–{fmtNumber(to)} trong <strong data-testid={`${p.testId}-total`}>{fmtNumber(p.total)}</strong> {p.what}
      </span>
      <span className="pager-buttons">
        <button type="button" className="btn btn-secondary btn-small" onClick={p.onPrev} disabled={p.page <= 1} data-testid={`${p.testId}-prev`}>
          ← Trang trước
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={p.onNext} disabled={!p.hasNext} data-testid={`${p.testId}-next`}>
          Trang sau →
        </button>
      </span>
    </nav>
  );
}

/** The Pager of a connection page (`nodes`, `totalCount`, `pageInfo`) driven by a useCursorPager. */
export function ConnectionPager(p: {
  connection: { nodes: readonly unknown[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
  pager: ReturnType<typeof useCursorPager>;
  pageSize: number;
  testId: string;
  what: string;
}) {
  const { connection: c, pager } = p;
  return (
    <Pager
      page={pager.page}
      pageSize={p.pageSize}
      shown={c.nodes.length}
      total={c.totalCount}
      hasNext={c.pageInfo.hasNextPage}
      onPrev={pager.prev}
      onNext={() => pager.next(c.pageInfo.endCursor ?? null)}
      testId={p.testId}
      what={p.what}
    />
  );
}

/** A value that follows `value` once it has stayed the same for `ms` (a search box typed into). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
