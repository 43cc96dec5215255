import { useState } from 'react';
import { ApiError, gql } from '../api';
import { ESCALATION_LEVEL_LABEL, STAGE_LABEL, fmtDate, fmtDateTime, fmtNumber, labelOf } from '../i18n';
import { M, Q } from '../queries';
import { Link } from '../router';
import { CheckboxField, ErrorBox, Loading, Notice, PageTitle, useAsync } from '../ui';

export function EscalationsPage() {
  const [showAll, setShowAll] = useState(false);
  const list = useAsync(async () => (await gql(Q.escalations, { open: !showAll })).escalations, [showAll]);
  const apps = useAsync(
    async () => (await gql(Q.applicationEscalations, { open: !showAll })).applicationEscalations,
    [showAll],
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const ack = async (e: { id: string }, what: string, reload: () => void) => {
    setBusy(e.id);
    setError(null);
    setDone(null);
    try {
      await gql(M.acknowledge, { id: e.id });
      setDone(`Đã xác nhận cảnh báo ${what}.`);
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') {
        setDone('Cảnh báo này không gửi đích danh cho bạn nên không cần xác nhận.');
      } else {
        setError(err);
      }
    } finally {
      setBusy(null);
    }
  };

  const rank: Record<string, number> = { CRITICAL: 3, BREACH: 2, WARNING: 1 };
  const items = [...(list.data ?? [])].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || (rank[b.level] ?? 0) - (rank[a.level] ?? 0));
  return (
    <section aria-labelledby="esc-title">
      <PageTitle sub="Hồ sơ chậm so với thời hạn của giai đoạn (tính theo ngày làm việc)">
        <span id="esc-title">Cảnh báo quá hạn</span>
      </PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Lọc cảnh báo">
        <CheckboxField label="Hiện cả cảnh báo đã xác nhận" name="showAll" checked={showAll} onChange={setShowAll} />
        <p className="filters-summary">
          <strong>{fmtNumber(items.length)}</strong> cảnh báo
        </p>
      </form>
      <ErrorBox error={error ?? list.error ?? apps.error} />
      {done && <Notice>{done}</Notice>}
      {list.loading && !list.data && <Loading what="cảnh báo" />}
      {list.data && items.length === 0 && <p className="empty-state">Không có cảnh báo nào cần xử lý.</p>}
      <ul className="inbox" data-testid="escalations">
        {items.map((e) => (
          <li key={e.id} className={`inbox-item level-${e.level.toLowerCase()}`}>
            <div className="inbox-main">
              <p>
                <span className={`badge badge-${e.level.toLowerCase()}`}>{labelOf(ESCALATION_LEVEL_LABEL, e.level)}</span>{' '}
                <Link to={`/ho-so/${e.case.id}`}>
                  <strong>{e.case.enterprise.name}</strong>
                </Link>
              </p>
              <p className="muted">
                Giai đoạn «{STAGE_LABEL[e.stage]}» · hạn {fmtDate(e.case.stageDueOn)} · phát sinh {fmtDateTime(e.raisedAt)} · {e.case.assignee?.fullName ?? 'chưa phân công'}
              </p>
              {e.acknowledgedAt && <p className="muted">Đã xác nhận lúc {fmtDateTime(e.acknowledgedAt)}</p>}
            </div>
            {!e.acknowledgedAt && (
              <button type="button" className="btn btn-secondary" onClick={() => ack(e, `hồ sơ ${e.case.enterprise.name}`, list.reload)} disabled={busy === e.id} aria-busy={busy === e.id}>
                {busy === e.id ? 'Đang gửi…' : 'Xác nhận đã xem'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {(apps.data ?? []).length > 0 && (
        <>
          <h2 id="esc-apps">Đơn xin gia nhập công đoàn quá hạn xét</h2>
          <p className="muted">Đơn gửi thẳng công đoàn cấp trên (nơi chưa có CĐCS) chưa được xét trong thời hạn quy định.</p>
          <ul className="inbox" data-testid="application-escalations" aria-labelledby="esc-apps">
            {apps.data!.map((e) => (
              <li key={e.id} className={`inbox-item level-${e.level.toLowerCase()}`}>
                <div className="inbox-main">
                  <p>
                    <span className={`badge badge-${e.level.toLowerCase()}`}>{labelOf(ESCALATION_LEVEL_LABEL, e.level)}</span>{' '}
                    <strong>{e.application.fullName}</strong> · {e.application.position}
                  </p>
                  <p className="muted">
                    {e.decidingUnit.name} · nộp {fmtDate(e.application.submittedOn)} · hạn xét {fmtDate(e.application.dueOn)} · phát sinh {fmtDateTime(e.raisedAt)}
                  </p>
                  {e.acknowledgedAt && <p className="muted">Đã xác nhận lúc {fmtDateTime(e.acknowledgedAt)}</p>}
                </div>
                {!e.acknowledgedAt && (
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={() => ack(e, `đơn của ${e.application.fullName}`, apps.reload)}
                    disabled={busy === e.id}
                    aria-busy={busy === e.id}
                  >
                    {busy === e.id ? 'Đang gửi…' : 'Xác nhận đã xem'}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
