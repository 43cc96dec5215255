import { useState } from 'react';
import { gql } from '../api';
import type { ReturnBoardState, ReturnPeriodKind } from '../generated/graphql';
import { fmtDate, fmtNumber } from '../i18n';
import { BOARD_STATE_LABEL, INDICATORS, INDICATOR_LABEL, periodLabel, periodOf, periodQuery } from '../i18n-returns';
import { RETURNS } from '../queries-returns';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { ErrorBox } from '../ui/errors';
import { SelectField } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { PeriodPicker } from './returns/PeriodPicker';
import { ReturnView } from './returns/ReturnView';
import { ReturnSettingsPanel } from './returns/ReturnSettingsPanel';

/** The statistics returns' pages (docs/architecture.md#statistics-returns). */
export const RETURNS_PATH = '/bao-cao-thong-ke';
export const CONSOLIDATED_PATH = `${RETURNS_PATH}/tong-hop`;
export const returnPath = (unitId: string, p?: { kind: ReturnPeriodKind; year: number }): string =>
  `${RETURNS_PATH}/cdcs/${encodeURIComponent(unitId)}${p ? `?${periodQuery(p)}` : ''}`;

/** The period of the page, kept in its address (?ky=…&nam=…), so that a link or a reload shows the same period. */
function usePeriod(): [{ kind: ReturnPeriodKind; year: number }, (kind: ReturnPeriodKind, year: number) => void, URLSearchParams] {
  const { path, query } = useLocation();
  const p = periodOf(query);
  const set = (kind: ReturnPeriodKind, year: number) => {
    const q = new URLSearchParams(query);
    q.set('ky', kind);
    q.set('nam', String(year));
    navigate(`${path}?${q}`, true);
  };
  return [p, set, query];
}

/** Báo cáo thống kê of a CĐCS, for its own chair: the return of the period picked. */
export function OwnReturnPage() {
  const { me } = useSession();
  const [p, setPeriod] = usePeriod();
  return (
    <section aria-labelledby="own-return-title" data-testid="own-return-page">
      <PageTitle sub={`${me.orgUnit.name}: báo cáo số liệu đoàn viên định kỳ gửi công đoàn cấp trên (mẫu 1-HĐCĐ)`}>
        <span id="own-return-title">Báo cáo thống kê</span>
      </PageTitle>
      <PeriodPicker kind={p.kind} year={p.year} onChange={setPeriod} />
      <ReturnView key={`${p.kind}-${p.year}`} unitId={me.orgUnit.id} kind={p.kind} year={p.year} />
    </section>
  );
}

/** One CĐCS's return as the upper level sees it (accept or send back). */
export function UnionReturnPage({ id }: { id: string }) {
  const [p, setPeriod] = usePeriod();
  return (
    <section aria-labelledby="union-return-title" data-testid="union-return-page">
      <p className="breadcrumb">
        <Link to={`${RETURNS_PATH}?${periodQuery(p)}`}>← Báo cáo thống kê của các CĐCS</Link>
      </p>
      <PageTitle>
        <span id="union-return-title">Báo cáo thống kê của CĐCS</span>
      </PageTitle>
      <PeriodPicker kind={p.kind} year={p.year} onChange={setPeriod} />
      <ReturnView key={`${id}-${p.kind}-${p.year}`} unitId={id} kind={p.kind} year={p.year} />
    </section>
  );
}

type Filter = ReturnBoardState | 'LATE' | '';

/** The upper level's board: per period, every CĐCS of its subtree, who submitted, who is late, who is missing. */
export function ReturnsBoardPage() {
  const { me, sup } = useSession();
  const [p, setPeriod, query] = usePeriod();
  const [filter, setFilter] = useState<Filter>((query.get('trang-thai') as Filter) ?? '');
  // Another period's board is not shown while the new one loads (useAsync's subject).
  const q = useAsync(async () => (await gql(RETURNS.board, { u: me.orgUnit.id, k: p.kind, y: p.year })).statisticsReturns, [me.orgUnit.id, periodQuery(p)]);
  const b = q.data;
  const rows = b?.rows.filter((r) => !filter || (filter === 'LATE' ? r.late : r.state === filter)) ?? [];
  const counts: { label: string; n: number; f: Filter; cls: string }[] = b
    ? [
        { label: 'Chờ duyệt', n: b.submitted, f: 'SUBMITTED', cls: 'submitted' },
        { label: 'Đã duyệt', n: b.accepted, f: 'ACCEPTED', cls: 'accepted' },
        { label: 'Đã trả lại', n: b.sentBack, f: 'SENT_BACK', cls: 'sent_back' },
        { label: 'Chưa gửi, quá hạn', n: b.missing, f: 'MISSING', cls: 'missing' },
        { label: 'Chưa đến hạn', n: b.notSubmitted, f: 'NOT_SUBMITTED', cls: 'not_submitted' },
        // The API's `late`: submitted after the due day, or not yet and overdue (the filter of the same name).
        { label: 'Nộp muộn hoặc quá hạn', n: b.late, f: 'LATE', cls: 'late' },
      ]
    : [];
  const dues = [...new Set(b?.rows.map((r) => r.dueOn) ?? [])].sort();
  return (
    <section aria-labelledby="returns-board-title" data-testid="returns-board-page">
      <PageTitle sub={`${me.orgUnit.name}: báo cáo thống kê định kỳ của các công đoàn cơ sở (mẫu 1-HĐCĐ), duyệt hoặc trả lại`}>
        <span id="returns-board-title">Báo cáo thống kê CĐCS</span>
      </PageTitle>
      <PeriodPicker kind={p.kind} year={p.year} onChange={setPeriod} />
      <p className="form-actions">
        <Link to={`${CONSOLIDATED_PATH}?${periodQuery(p)}`} className="btn btn-secondary" data-testid="returns-consolidated-link">
          Số liệu tổng hợp (mẫu 2-HĐCĐ)
        </Link>
      </p>
      <ErrorBox error={q.error} onReload={q.reload} />
      {q.loading && !b && <Loading what="bảng báo cáo" />}
      {b && (
        <>
          <p className="muted" data-testid="returns-due">
            {periodLabel(p.kind, p.year)} · hạn nộp {dues.length ? dues.map(fmtDate).join(', ') : '—'} · {fmtNumber(b.rows.length)} CĐCS
          </p>
          <ul className="return-counts" data-testid="returns-counts">
            {counts.map((c) => (
              <li key={c.f}>
                <button
                  type="button"
                  className={`return-count return-count-${c.cls}${filter === c.f ? ' active' : ''}`}
                  aria-pressed={filter === c.f}
                  onClick={() => setFilter(filter === c.f ? '' : c.f)}
                  data-testid={`returns-count-${c.f}`}
                >
                  <strong>{fmtNumber(c.n)}</strong> {c.label}
                </button>
              </li>
            ))}
          </ul>
          <div className="toolbar">
            <SelectField<Filter>
              label="Lọc theo tình trạng"
              name="state"
              value={filter}
              onChange={setFilter}
              testId="returns-filter"
              options={[
                { value: '', label: 'Tất cả' },
                ...(Object.keys(BOARD_STATE_LABEL) as ReturnBoardState[]).map((s) => ({ value: s as Filter, label: BOARD_STATE_LABEL[s] })),
                { value: 'LATE', label: 'Nộp muộn hoặc quá hạn' },
              ]}
            />
          </div>
          {rows.length === 0 ? (
            <p className="empty-state">Không có CĐCS nào{filter ? ' ở tình trạng này' : ''}.</p>
          ) : (
            <div className="table-wrap">
              <table className="table stack-table" data-testid="returns-table">
                <thead>
                  <tr>
                    <th scope="col">Công đoàn cơ sở</th>
                    <th scope="col">Tình trạng</th>
                    <th scope="col">Hạn nộp</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.grassrootsUnionId} data-testid="returns-row" data-state={r.state}>
                      <td data-label="CĐCS">
                        <Link to={returnPath(r.grassrootsUnionId, p)} data-testid="returns-open">
                          {r.name}
                        </Link>
                      </td>
                      <td data-label="Tình trạng">
                        <span className={`badge badge-board-${r.state.toLowerCase()}`}>{BOARD_STATE_LABEL[r.state]}</span>
                        {r.late && r.state !== 'MISSING' && <span className="badge badge-overdue">Nộp muộn</span>}
                      </td>
                      <td data-label="Hạn nộp">{fmtDate(r.dueOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {sup && <ReturnSettingsPanel unitId={me.orgUnit.id} onSaved={q.reload} />}
    </section>
  );
}

/** The subtree's sum of accepted returns (form 2-HĐCĐ): rows = units, columns = indicators; the CĐCS without one listed. */
export function ConsolidatedReturnPage() {
  const { me } = useSession();
  const [p, setPeriod] = usePeriod();
  const q = useAsync(
    async () => (await gql(RETURNS.consolidated, { u: me.orgUnit.id, k: p.kind, y: p.year })).consolidatedStatisticsReturn,
    [me.orgUnit.id, periodQuery(p)],
  );
  const c = q.data;
  return (
    <section aria-labelledby="consolidated-title" data-testid="consolidated-page">
      <p className="breadcrumb">
        <Link to={`${RETURNS_PATH}?${periodQuery(p)}`}>← Báo cáo thống kê của các CĐCS</Link>
      </p>
      <PageTitle sub="Tổng các báo cáo đã được duyệt, theo đơn vị trực thuộc (mẫu 2-HĐCĐ)">
        <span id="consolidated-title">Số liệu tổng hợp</span>
      </PageTitle>
      <PeriodPicker kind={p.kind} year={p.year} onChange={setPeriod} />
      <ErrorBox error={q.error} onReload={q.reload} />
      {q.loading && !c && <Loading what="số liệu tổng hợp" />}
      {c && (
        <>
          <h2>
            {c.unitName} · {periodLabel(p.kind, p.year)}
          </h2>
          <div className="table-wrap">
            <table className="table stack-table consolidated-table" data-testid="consolidated-table">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col" className="num">
                    Số CĐCS
                  </th>
                  <th scope="col" className="num">
                    Có báo cáo được duyệt
                  </th>
                  {INDICATORS.map((k) => (
                    <th key={k} scope="col" className="num">
                      {INDICATOR_LABEL[k]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...c.rows.map((r) => ({ ...r, total: false })), { ...c.total, unitId: 'total', name: 'Tổng cộng', total: true }].map((r) => (
                  <tr key={r.unitId} data-testid={r.total ? 'consolidated-total' : 'consolidated-row'} className={r.total ? 'total-row' : undefined}>
                    <th scope="row" data-label="Đơn vị">
                      {r.name}
                    </th>
                    <td data-label="Số CĐCS" className="num">
                      {fmtNumber(r.grassroots)}
                    </td>
                    <td data-label="Được duyệt" className="num">
                      {fmtNumber(r.accepted)}
                    </td>
                    {INDICATORS.map((k) => (
                      <td key={k} data-label={INDICATOR_LABEL[k]} className="num" data-indicator={k}>
                        {fmtNumber(r.figures[k])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="consolidated-missing-title">CĐCS chưa có báo cáo được duyệt ({fmtNumber(c.missing.length)})</h3>
          {c.missing.length === 0 ? (
            <p className="empty-state">Mọi CĐCS đều đã có báo cáo được duyệt.</p>
          ) : (
            <ul className="consolidated-missing" data-testid="consolidated-missing">
              {c.missing.map((m) => (
                <li key={m.grassrootsUnionId}>
                  <Link to={returnPath(m.grassrootsUnionId, p)}>{m.name}</Link> — {BOARD_STATE_LABEL[m.state]} · hạn nộp {fmtDate(m.dueOn)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
