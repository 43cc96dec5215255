import { useState } from 'react';
import { gql } from '../api';
import { fmtNumber } from '../i18n';
import { ESC } from '../queries-escalations';
import { Link } from '../router';
import { ErrorBox, Notice } from '../ui/errors';
import { CheckboxField } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { ConnectionPager, useCursorPager } from '../ui/pager';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';
import { ApplicationRow, CaseRow } from './escalations/EscalatedRow';

const PAGE = 50;

/** A set with one key added or taken out (React state is replaced, not changed). */
const toggled = (s: Set<string>, key: string, on: boolean) => {
  const next = new Set(s);
  if (on) next.add(key);
  else next.delete(key);
  return next;
};

/** One row per late case (and per direct application), its lateness as of today, the earlier levels folded inside it. */
export function EscalationsPage() {
  const [showAll, setShowAll] = useState(false);
  const pager = useCursorPager(String(showAll));
  const list = useAsync(async () => (await gql(ESC.cases, { open: !showAll, first: PAGE, after: pager.after })).escalatedCases, [showAll, pager.after], {
    subject: [],
  });
  const apps = useAsync(async () => (await gql(ESC.applications, { open: !showAll })).escalatedApplications, [showAll], { subject: [] });
  const [cases, setCases] = useState<Set<string>>(new Set());
  const [applications, setApplications] = useState<Set<string>>(new Set());
  const ack = useAction<string>();

  const acknowledge = (key: string, input: { caseIds?: string[]; applicationIds?: string[] }, done: (n: number) => string) =>
    ack.run(key, async () => {
      const r = (await gql(ESC.acknowledge, { i: input })).acknowledgeCaseEscalations;
      setCases((s) => new Set([...s].filter((id) => !input.caseIds?.includes(id))));
      setApplications((s) => new Set([...s].filter((id) => !input.applicationIds?.includes(id))));
      list.reload();
      apps.reload();
      return done(r.acknowledged);
    });
  const picked = cases.size + applications.size;
  const rows = list.data?.nodes ?? [];
  const appRows = apps.data?.nodes ?? [];
  const pickable = [...rows.filter((r) => !r.acknowledged).map((r) => r.case.id)];
  const allPicked = pickable.length > 0 && pickable.every((id) => cases.has(id));

  return (
    <section aria-labelledby="esc-title">
      <PageTitle sub="Mỗi dòng là một hồ sơ chậm so với thời hạn của giai đoạn (tính theo ngày làm việc); các mức cảnh báo trước nằm trong dòng">
        <span id="esc-title">Cảnh báo quá hạn</span>
      </PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Lọc cảnh báo">
        <CheckboxField label="Hiện cả cảnh báo đã xác nhận" name="showAll" checked={showAll} onChange={setShowAll} />
        <p className="filters-summary" aria-live="polite">
          <span className="badge badge-overdue">
            <strong data-testid="esc-overdue-count">{fmtNumber(list.data?.overdueCount ?? 0)}</strong> hồ sơ quá hạn
          </span>{' '}
          <Link to="/">như trên bảng tiến độ</Link> · <strong data-testid="esc-total">{fmtNumber(list.data?.totalCount ?? 0)}</strong>{' '}
          {showAll ? 'hồ sơ có cảnh báo' : 'hồ sơ cần xác nhận'}
        </p>
      </form>
      <div className="esc-toolbar" role="group" aria-label="Xác nhận nhiều mục">
        <label className="esc-pick-all">
          <input
            type="checkbox"
            checked={allPicked}
            disabled={!pickable.length}
            onChange={(e) => setCases(e.target.checked ? new Set(pickable) : new Set())}
            data-testid="esc-pick-all"
          />{' '}
          Chọn tất cả hồ sơ trên trang
        </label>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!picked || ack.busy !== null}
          aria-busy={ack.busy === 'selection'}
          data-testid="esc-ack-selected"
          onClick={() =>
            acknowledge(
              'selection',
              { caseIds: [...cases], applicationIds: [...applications] },
              (n) => `Đã xác nhận ${fmtNumber(n)} cảnh báo của ${fmtNumber(picked)} mục đã chọn.`,
            )
          }
        >
          {ack.busy === 'selection' ? 'Đang gửi…' : `Xác nhận các mục đã chọn${picked ? ` (${fmtNumber(picked)})` : ''}`}
        </button>
      </div>
      <ErrorBox error={ack.error ?? list.error ?? apps.error} reveal={!!ack.error} />
      {ack.done && <Notice reveal>{ack.done}</Notice>}
      {list.loading && !list.data && <Loading what="cảnh báo" />}
      {list.data && rows.length === 0 && appRows.length === 0 && <p className="empty-state">Không có cảnh báo nào cần xử lý.</p>}
      <ul className="inbox" data-testid="escalations">
        {rows.map((r) => (
          <CaseRow
            key={r.case.id}
            r={r}
            selected={cases.has(r.case.id)}
            busy={ack.busy === r.case.id}
            onSelect={(on) => setCases((s) => toggled(s, r.case.id, on))}
            onAcknowledge={() => acknowledge(r.case.id, { caseIds: [r.case.id] }, () => `Đã xác nhận cảnh báo hồ sơ ${r.case.enterprise.name}.`)}
          />
        ))}
      </ul>
      {list.data && (list.data.totalCount > PAGE || pager.page > 1) && (
        <ConnectionPager connection={list.data} pager={pager} pageSize={PAGE} testId="esc-pager" what="hồ sơ" />
      )}
      {appRows.length > 0 && (
        <>
          <h2 id="esc-apps">Đơn xin gia nhập công đoàn quá hạn xét</h2>
          <p className="muted">Đơn gửi thẳng công đoàn cấp trên (nơi chưa có CĐCS) chưa được xét trong thời hạn quy định.</p>
          <ul className="inbox" data-testid="application-escalations" aria-labelledby="esc-apps">
            {appRows.map((r) => (
              <ApplicationRow
                key={r.application.id}
                r={r}
                selected={applications.has(r.application.id)}
                busy={ack.busy === r.application.id}
                onSelect={(on) => setApplications((s) => toggled(s, r.application.id, on))}
                onAcknowledge={() =>
                  acknowledge(r.application.id, { applicationIds: [r.application.id] }, () => `Đã xác nhận cảnh báo đơn của ${r.application.fullName}.`)
                }
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
