import { ReactNode, useState } from 'react';
import { ApiError, gql } from '../api';
import { ESCALATION_LEVEL_LABEL, STAGE_LABEL, fmtDate, fmtDateTime, fmtNumber, labelOf } from '../i18n';
import { M, Q, type EscalationLevel } from '../queries';
import { Link } from '../router';
import { ErrorBox, Notice } from '../ui/errors';
import { CheckboxField } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';

export function EscalationsPage() {
  const [showAll, setShowAll] = useState(false);
  const list = useAsync(async () => (await gql(Q.escalations, { open: !showAll })).escalations, [showAll]);
  const apps = useAsync(async () => (await gql(Q.applicationEscalations, { open: !showAll })).applicationEscalations, [showAll]);
  const ack = useAction<string>();
  const acknowledge = (id: string, what: string, reload: () => void) =>
    ack.run(id, async () => {
      try {
        await gql(M.acknowledge, { id });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'NOT_FOUND') return 'Cảnh báo này không gửi đích danh cho bạn nên không cần xác nhận.';
        throw err;
      }
      reload();
      return `Đã xác nhận cảnh báo ${what}.`;
    });

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
      <ErrorBox error={ack.error ?? list.error ?? apps.error} reveal={!!ack.error} />
      {ack.done && <Notice reveal>{ack.done}</Notice>}
      {list.loading && !list.data && <Loading what="cảnh báo" />}
      {list.data && items.length === 0 && <p className="empty-state">Không có cảnh báo nào cần xử lý.</p>}
      <ul className="inbox" data-testid="escalations">
        {items.map((e) => (
          <InboxItem key={e.id} e={e} busy={ack.busy === e.id} onAcknowledge={() => acknowledge(e.id, `hồ sơ ${e.case.enterprise.name}`, list.reload)}>
            <p>
              <LevelBadge level={e.level} />{' '}
              <Link to={`/ho-so/${e.case.id}`}>
                <strong>{e.case.enterprise.name}</strong>
              </Link>
            </p>
            <p className="muted">
              Giai đoạn «{STAGE_LABEL[e.stage]}» · hạn {fmtDate(e.case.stageDueOn)} · phát sinh {fmtDateTime(e.raisedAt)} ·{' '}
              {e.case.assignee?.fullName ?? 'chưa phân công'}
            </p>
          </InboxItem>
        ))}
      </ul>
      {(apps.data ?? []).length > 0 && (
        <>
          <h2 id="esc-apps">Đơn xin gia nhập công đoàn quá hạn xét</h2>
          <p className="muted">Đơn gửi thẳng công đoàn cấp trên (nơi chưa có CĐCS) chưa được xét trong thời hạn quy định.</p>
          <ul className="inbox" data-testid="application-escalations" aria-labelledby="esc-apps">
            {apps.data!.map((e) => (
              <InboxItem key={e.id} e={e} busy={ack.busy === e.id} onAcknowledge={() => acknowledge(e.id, `đơn của ${e.application.fullName}`, apps.reload)}>
                <p>
                  <LevelBadge level={e.level} /> <strong>{e.application.fullName}</strong> · {e.application.position}
                </p>
                <p className="muted">
                  {e.decidingUnit.name} · nộp {fmtDate(e.application.submittedOn)} · hạn xét {fmtDate(e.application.dueOn)} · phát sinh{' '}
                  {fmtDateTime(e.raisedAt)}
                </p>
              </InboxItem>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LevelBadge({ level }: { level: EscalationLevel }) {
  return <span className={`badge badge-${level.toLowerCase()}`}>{labelOf(ESCALATION_LEVEL_LABEL, level)}</span>;
}

/** One escalation of either list: what it is about, when it was acknowledged, or the button to acknowledge it. */
function InboxItem(p: { e: { level: EscalationLevel; acknowledgedAt: string | null }; busy: boolean; onAcknowledge: () => void; children: ReactNode }) {
  return (
    <li className={`inbox-item level-${p.e.level.toLowerCase()}`}>
      <div className="inbox-main">
        {p.children}
        {p.e.acknowledgedAt && <p className="muted">Đã xác nhận lúc {fmtDateTime(p.e.acknowledgedAt)}</p>}
      </div>
      {!p.e.acknowledgedAt && (
        <button type="button" className="btn btn-secondary" onClick={p.onAcknowledge} disabled={p.busy} aria-busy={p.busy}>
          {p.busy ? 'Đang gửi…' : 'Xác nhận đã xem'}
        </button>
      )}
    </li>
  );
}
