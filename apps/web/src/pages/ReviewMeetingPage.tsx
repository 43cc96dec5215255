import { useState } from 'react';
import { gql } from '../api';
import { ESCALATION_LEVEL_LABEL, STAGE_LABEL, fmtDate, fmtDateTime, fmtNumber, fmtPercent, parseVnDate, vnToday } from '../i18n';
import { ACTION_ITEM_STATUS_LABEL, MEETINGS_PATH, MEETING_STATUS_LABEL, fmtChange, fmtChangeValue, fmtMoney } from '../i18n-meetings';
import { MEETINGS, type ActionItem, type Meeting, type MeetingSnapshot, type SnapshotChange } from '../queries-meetings';
import { Link } from '../router';
import { useSession } from '../session';
import { isOpenStage } from '../stages';
import { ErrorBox } from '../ui/errors';
import { DateField, SelectField, TextArea, TextField } from '../ui/fields';
import { ActionForm, useForm } from '../ui/forms';
import { Loading, PageTitle } from '../ui/page';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';
import { useUnitUsers } from '../units';

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
    </>
  );
}

function SnapshotFacts({ s }: { s: MeetingSnapshot }) {
  const openStages = s.stages.filter((x) => isOpenStage(x.stage) && x.count > 0);
  return (
    <div className="panel" data-testid="meeting-snapshot">
      <dl className="facts">
        <dt>Đoàn viên kết nạp từ đầu năm</dt>
        <dd data-testid="snap-members">
          {fmtNumber(s.newMembers.yearToDate)}
          {s.newMembers.target != null && ` / kế hoạch ${fmtNumber(s.newMembers.target)}`}
        </dd>
        <dt>CĐCS thành lập từ đầu năm</dt>
        <dd>
          {fmtNumber(s.newGrassrootsUnions.yearToDate)}
          {s.newGrassrootsUnions.target != null && ` / kế hoạch ${fmtNumber(s.newGrassrootsUnions.target)}`}
        </dd>
        <dt>Doanh nghiệp từ 25 lao động có công đoàn</dt>
        <dd>
          {fmtNumber(s.coverage.withUnion)} / {fmtNumber(s.coverage.enterprises25Plus)} ({fmtPercent(s.coverage.percent)})
        </dd>
        <dt>Hồ sơ đang mở</dt>
        <dd data-testid="snap-open">{fmtNumber(s.openCases)}</dd>
        <dt>Hồ sơ quá hạn</dt>
        <dd data-testid="snap-overdue">{fmtNumber(s.overdueCases)}</dd>
        <dt>Kinh phí đã chi</dt>
        <dd>{s.budgetSpent == null ? 'Chưa có số liệu kinh phí' : fmtMoney(s.budgetSpent)}</dd>
      </dl>
      {openStages.length > 0 && (
        <p className="small">
          Theo giai đoạn:{' '}
          {openStages.map((x) => `${STAGE_LABEL[x.stage]} ${fmtNumber(x.count)}${x.overdue ? ` (${fmtNumber(x.overdue)} quá hạn)` : ''}`).join(' · ')}
        </p>
      )}
      {s.officers.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table" data-testid="snapshot-officers">
            <caption className="sr-only">Số liệu theo cán bộ</caption>
            <thead>
              <tr>
                <th scope="col">Cán bộ</th>
                <th scope="col">Hồ sơ đang mở</th>
                <th scope="col">Quá hạn</th>
                <th scope="col">CĐCS được công nhận</th>
                <th scope="col">Đoàn viên kết nạp</th>
                <th scope="col">Kế hoạch đoàn viên</th>
              </tr>
            </thead>
            <tbody>
              {s.officers.map((o) => (
                <tr key={o.officerId}>
                  <th scope="row" data-label="Cán bộ">
                    {o.fullName}
                  </th>
                  <td data-label="Hồ sơ đang mở">{fmtNumber(o.openCases)}</td>
                  <td data-label="Quá hạn">{fmtNumber(o.overdueCases)}</td>
                  <td data-label="CĐCS được công nhận">{fmtNumber(o.recognitions)}</td>
                  <td data-label="Đoàn viên kết nạp">{fmtNumber(o.membersAdmitted)}</td>
                  <td data-label="Kế hoạch đoàn viên">{fmtNumber(o.targetMembers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The unit's indicators, then each officer's: the previous meeting's value beside this one's, and the change. */
function ChangeTable({ rows, previousDay, day }: { rows: SnapshotChange[]; previousDay: string | null; day: string }) {
  const before = previousDay ? `Giao ban ${fmtDate(previousDay)}` : 'Kỳ trước';
  const now = `Giao ban ${fmtDate(day)}`;
  return (
    <div className="table-wrap">
      <table className="stack-table change-table" data-testid="change-table">
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">{before}</th>
            <th scope="col">{now}</th>
            <th scope="col">Thay đổi</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.officerId ?? 'unit'}:${r.indicator}`} data-testid="change-row" data-indicator={r.indicator} data-officer={r.officerId ?? ''}>
              <th scope="row" data-label="Chỉ tiêu">
                {r.fullName ? `${r.fullName}: ` : ''}
                {r.label}
              </th>
              <td data-label={before}>{fmtChangeValue(r.kind, r.previous)}</td>
              <td data-label={now}>{fmtChangeValue(r.kind, r.current)}</td>
              <td data-label="Thay đổi" data-testid="change-value">
                {fmtChange(r.kind, r.change)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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

interface ItemDraft {
  what: string;
  assigneeId: string;
  dueOn: string;
}

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

function HoldForm({ m, onHeld }: { m: Meeting; onHeld: () => void }) {
  const people = useUnitUsers([{ id: m.orgUnitId }]);
  const assignees = (people.data ?? []).filter((u) => u.role === 'OFFICER' || u.role === 'SUPERVISOR').map((u) => ({ value: u.id, label: u.fullName }));
  const f = useForm({ minutes: '' });
  const [items, setItems] = useState<ItemDraft[]>([]);
  const setItem = (i: number, patch: Partial<ItemDraft>) => setItems((list) => list.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <ActionForm
      title="Ghi biên bản và chốt số liệu"
      submitLabel="Chốt số liệu và lưu biên bản"
      form={f}
      testId="form-hold"
      onSubmit={async () => {
        await gql(MEETINGS.hold, {
          i: {
            id: m.id,
            minutes: f.values.minutes,
            actionItems: items.map((a) => ({ what: a.what, assigneeId: a.assigneeId || assignees[0]?.value || '', dueOn: parseVnDate(a.dueOn) })),
          },
        });
        onHeld();
      }}
    >
      <p className="muted small">Số liệu của đơn vị và từng cán bộ đến ngày {fmtDate(m.day)} được chốt một lần khi lưu; sau đó không thay đổi.</p>
      <TextArea label="Biên bản" {...f.field('minutes')} rows={6} required testId="hold-minutes" />
      <h4>Việc cần làm</h4>
      {items.map((a, i) => (
        <fieldset key={i} className="action-item-draft" data-testid="item-draft">
          <legend>Việc {i + 1}</legend>
          <TextField
            label="Nội dung việc"
            name={`actionItems.${i}.what`}
            value={a.what}
            onChange={(v) => setItem(i, { what: v })}
            required
            testId={`item-what-${i}`}
          />
          <SelectField
            label="Người thực hiện"
            name={`actionItems.${i}.assigneeId`}
            value={a.assigneeId || assignees[0]?.value || ''}
            onChange={(v) => setItem(i, { assigneeId: v })}
            options={assignees}
            testId={`item-assignee-${i}`}
          />
          <DateField
            label="Hạn hoàn thành"
            name={`actionItems.${i}.dueOn`}
            value={a.dueOn}
            onChange={(v) => setItem(i, { dueOn: v })}
            required
            testId={`item-due-${i}`}
          />
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setItems((list) => list.filter((_, k) => k !== i))}>
            Bỏ việc này
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        data-testid="add-item"
        onClick={() => setItems((list) => [...list, { what: '', assigneeId: '', dueOn: '' }])}
      >
        Thêm việc cần làm
      </button>
    </ActionForm>
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
