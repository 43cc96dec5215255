import { gql } from '../api';
import { ESCALATION_LEVEL_LABEL, fmtDate, fmtDateTime, vnToday } from '../i18n';
import { ACTION_ITEM_STATUS_LABEL, MEETINGS_PATH, MEETING_STATUS_LABEL } from '../i18n-meetings';
import { MEETINGS, type ActionItem, type Meeting, type MeetingSnapshot } from '../queries-meetings';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorBox } from '../ui/errors';
import { TextField } from '../ui/fields';
import { ActionForm, useForm } from '../ui/forms';
import { Loading, PageTitle } from '../ui/page';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';
import { DocumentsPanel } from './documents/DocumentsPanel';
import { HoldForm } from './meetings/HoldForm';
import { ChangeTable, SnapshotFacts } from './meetings/SnapshotTables';

/**
 * One review meeting (docs/architecture.md#review-meetings): once held, the frozen figures, the change since the previous
 * held meeting side by side, the minutes and the action items with their status; before, the form that holds it.
 */
export function ReviewMeetingPage({ id }: { id: string }) {
  const data = useAsync(async () => (await gql(MEETINGS.get, { id })).reviewMeeting, [id]);
  const m = data.data;
  return (
    <section aria-labelledby="meeting-title" data-testid="meeting-page">
      <p className="breadcrumb">
        <Link to={MEETINGS_PATH}>← Giao ban</Link>
      </p>
      <ErrorBox error={data.error} onReload={data.reload} />
      {data.loading && !m && <Loading what="cuộc giao ban" />}
      {m && (
        <>
          <PageTitle sub={`${m.orgUnitName} · Chủ trì: ${m.chairName}`}>
            <span id="meeting-title">
              Giao ban ngày {fmtDate(m.day)}
              {m.title ? ` — ${m.title}` : ''}
            </span>
          </PageTitle>
          <p>
            <span className={`badge badge-meeting-${m.status.toLowerCase()}`} data-testid="meeting-status">
              {MEETING_STATUS_LABEL[m.status]}
            </span>
            {m.heldAt && <span className="muted small"> · Chốt số liệu lúc {fmtDateTime(m.heldAt)}</span>}
            {m.cancelReason && <span className="muted small"> · Lý do hủy: {m.cancelReason}</span>}
          </p>
          {m.status === 'HELD' && m.snapshot && <Held m={m} snapshot={m.snapshot} onChanged={data.reload} />}
          {m.status === 'SCHEDULED' && <Scheduled m={m} onChanged={data.reload} />}
        </>
      )}
    </section>
  );
}

function Held({ m, snapshot, onChanged }: { m: Meeting; snapshot: MeetingSnapshot; onChanged: () => void }) {
  const { sup } = useSession();
  return (
    <>
      <h2>Số liệu chốt đến ngày {fmtDate(snapshot.asOf)}</h2>
      <SnapshotFacts s={snapshot} />
      <h2>Thay đổi so với cuộc giao ban trước</h2>
      {m.previous ? (
        <p className="muted small">
          Kỳ trước: <Link to={`${MEETINGS_PATH}/${m.previous.id}`}>giao ban ngày {fmtDate(m.previous.day)}</Link>. Hai bên đều là số liệu đã chốt, không thay
          đổi về sau.
        </p>
      ) : (
        <p className="muted small" data-testid="no-previous">
          Đây là cuộc giao ban đầu tiên của đơn vị: chưa có kỳ trước để so sánh.
        </p>
      )}
      <ChangeTable rows={m.changeSincePrevious} previousDay={m.previous?.day ?? null} day={m.day} />
      <h2>Biên bản</h2>
      <div className="panel minutes" data-testid="meeting-minutes">
        {m.minutes}
      </div>
      <h2>Việc cần làm</h2>
      <ActionItems items={m.actionItems} onChanged={onChanged} />
      <DocumentsPanel kind="REVIEW_CONCLUSION" sourceId={m.id} canIssue={sup} />
    </>
  );
}

function ActionItems({ items, onChanged }: { items: ActionItem[]; onChanged: () => void }) {
  const { me, sup } = useSession();
  const action = useAction<string>();
  if (!items.length) return <p className="empty-state">Cuộc giao ban không giao việc nào.</p>;
  return (
    <>
      <ErrorBox error={action.error} />
      <ol className="action-items" data-testid="action-items">
        {items.map((a) => (
          <li key={a.id} className="panel" data-testid="action-item" data-status={a.status}>
            <p>
              <strong>{a.what}</strong>
            </p>
            <p className="small">
              {a.assigneeName} · Hạn {fmtDate(a.dueOn)} ·{' '}
              <span className={`badge ${a.status === 'DONE' ? 'badge-report-ready' : badgeOf(a)}`} data-testid="action-item-status">
                {a.status === 'DONE' ? ACTION_ITEM_STATUS_LABEL.DONE : a.lateness.label}
              </span>
              {a.escalationLevel && a.status === 'OPEN' && <span className="muted"> · Đã cảnh báo: {ESCALATION_LEVEL_LABEL[a.escalationLevel]}</span>}
              {a.completedAt && <span className="muted"> · {fmtDateTime(a.completedAt)}</span>}
            </p>
            {a.status === 'OPEN' && (sup || a.assigneeId === me.id) && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={action.busy !== null}
                data-testid="action-item-done"
                onClick={() =>
                  action.run(a.id, async () => {
                    await gql(MEETINGS.complete, { id: a.id });
                    onChanged();
                  })
                }
              >
                Đánh dấu hoàn thành
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

const badgeOf = (a: ActionItem) =>
  a.lateness.status === 'CRITICAL'
    ? 'badge-critical'
    : a.lateness.status === 'OVERDUE'
      ? 'badge-breach'
      : a.lateness.status === 'DUE_SOON'
        ? 'badge-warning'
        : 'badge';

function Scheduled({ m, onChanged }: { m: Meeting; onChanged: () => void }) {
  const { sup } = useSession();
  if (!sup) return <p className="muted">Cuộc giao ban chưa họp: số liệu sẽ được chốt khi lãnh đạo đơn vị ghi biên bản.</p>;
  return (
    <>
      {m.day > vnToday() ? (
        <p className="muted" data-testid="meeting-not-yet">
          Chưa đến ngày họp ({fmtDate(m.day)}): biên bản được ghi và số liệu được chốt từ ngày họp.
        </p>
      ) : (
        <HoldForm m={m} onHeld={onChanged} />
      )}
      <CancelForm m={m} onCancelled={onChanged} />
    </>
  );
}

function CancelForm({ m, onCancelled }: { m: Meeting; onCancelled: () => void }) {
  const f = useForm({ reason: '' });
  return (
    <details className="disclosure">
      <summary>Hủy cuộc giao ban</summary>
      <div className="disclosure-body">
        <ActionForm
          title="Hủy cuộc giao ban"
          submitLabel="Hủy cuộc giao ban"
          danger
          form={f}
          testId="form-cancel"
          onSubmit={async () => {
            await gql(MEETINGS.cancel, { i: { id: m.id, reason: f.values.reason || null } });
            onCancelled();
          }}
        >
          <TextField label="Lý do" {...f.field('reason')} />
        </ActionForm>
      </div>
    </details>
  );
}
