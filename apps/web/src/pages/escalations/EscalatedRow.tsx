import type { ReactNode } from 'react';
import { ESCALATION_LEVEL_LABEL, STAGE_LABEL, fmtDate, fmtDateTime, fmtNumber, labelOf } from '../../i18n';
import type { EscalatedApplicationRow, EscalatedCaseRow, EscalationStep, LateStatus } from '../../queries-escalations';
import { Link } from '../../router';

/** The badge colour of a row, from how late it is now (not from the level stored when it fired). */
const BADGE: Record<LateStatus, string> = {
  CRITICAL: 'badge-critical',
  OVERDUE: 'badge-breach',
  DUE_SOON: 'badge-warning',
  ON_TIME: 'badge-closed',
  LEFT_STAGE: 'badge-closed',
};

type Lateness = EscalatedCaseRow['lateness'];

export function LateBadge({ lateness }: { lateness: Lateness }) {
  return (
    <span className={`badge ${BADGE[lateness.status]}`} data-testid="late-label">
      {lateness.label}
    </span>
  );
}

/** Past the due day: how many calendar days beside the working days of the label. */
function lateLine(l: Lateness, dueOn: string | null): string | null {
  if (l.status !== 'OVERDUE' && l.status !== 'CRITICAL') return dueOn ? `Hạn ${fmtDate(dueOn)}` : null;
  return `Hạn ${fmtDate(dueOn)} · đã quá ${fmtNumber(l.workingDays)} ngày làm việc (${fmtNumber(l.calendarDays)} ngày theo lịch)`;
}

/** The levels raised, folded: when each fired and who acknowledged it. */
function Steps({ steps }: { steps: EscalationStep[] }) {
  return (
    <details className="esc-steps" data-testid="escalation-steps">
      <summary>Các mức cảnh báo đã phát sinh ({fmtNumber(steps.length)})</summary>
      <ol>
        {steps.map((x) => (
          <li key={x.id}>
            <strong>{labelOf(ESCALATION_LEVEL_LABEL, x.level)}</strong>
            {x.caseStage && <> · giai đoạn «{STAGE_LABEL[x.caseStage]}»</>} · phát sinh {fmtDateTime(x.raisedAt)}
            <br />
            <span className="muted">
              {x.acknowledgements.length
                ? `Đã xác nhận: ${x.acknowledgements.map((a) => `${a.by.fullName} (${fmtDateTime(a.at)})`).join(', ')}`
                : 'Chưa ai xác nhận'}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

interface RowShell {
  rowKey: string;
  what: string;
  lateness: Lateness;
  acknowledged: boolean;
  selected: boolean;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onAcknowledge: () => void;
  children: ReactNode;
  steps: EscalationStep[];
  testId: string;
}

/** One row: the pick box, what it is about, the folded levels, and its acknowledgment. */
function Row(p: RowShell) {
  return (
    <li className={`inbox-item esc-row late-${p.lateness.status.toLowerCase()}`} data-testid={p.testId} data-key={p.rowKey} data-status={p.lateness.status}>
      <input
        type="checkbox"
        className="esc-pick"
        aria-label={`Chọn ${p.what}`}
        checked={p.selected}
        disabled={p.acknowledged}
        onChange={(e) => p.onSelect(e.target.checked)}
      />
      <div className="inbox-main">
        {p.children}
        <Steps steps={p.steps} />
      </div>
      <div className="esc-actions">
        {p.acknowledged ? (
          <span className="muted">Đã xác nhận</span>
        ) : (
          <button type="button" className="btn btn-secondary" onClick={p.onAcknowledge} disabled={p.busy} aria-busy={p.busy}>
            {p.busy ? 'Đang gửi…' : 'Xác nhận đã xem'}
          </button>
        )}
      </div>
    </li>
  );
}

type Shared = Pick<RowShell, 'selected' | 'busy' | 'onSelect' | 'onAcknowledge'>;

export function CaseRow({ r, ...s }: Shared & { r: EscalatedCaseRow }) {
  const line = lateLine(r.lateness, r.dueOn);
  return (
    <Row
      {...s}
      rowKey={r.case.id}
      what={`hồ sơ ${r.case.enterprise.name}`}
      lateness={r.lateness}
      acknowledged={r.acknowledged}
      steps={r.escalations}
      testId="escalated-case"
    >
      <p>
        <LateBadge lateness={r.lateness} />{' '}
        <Link to={`/ho-so/${r.case.id}`}>
          <strong>{r.case.enterprise.name}</strong>
        </Link>
      </p>
      <p className="muted">
        Giai đoạn «{STAGE_LABEL[r.stage]}» · {r.assignee ? `Cán bộ: ${r.assignee.fullName}` : 'Chưa phân công'}
      </p>
      {line && <p className="muted">{line}</p>}
    </Row>
  );
}

export function ApplicationRow({ r, ...s }: Shared & { r: EscalatedApplicationRow }) {
  const line = lateLine(r.lateness, r.dueOn);
  return (
    <Row
      {...s}
      rowKey={r.application.id}
      what={`đơn của ${r.application.fullName}`}
      lateness={r.lateness}
      acknowledged={r.acknowledged}
      steps={r.escalations}
      testId="escalated-application"
    >
      <p>
        <LateBadge lateness={r.lateness} /> <strong>{r.application.fullName}</strong> · {r.application.position}
      </p>
      <p className="muted">
        {r.decidingUnit.name} · nộp {fmtDate(r.application.submittedOn)}
      </p>
      {line && <p className="muted">{line}</p>}
    </Row>
  );
}
