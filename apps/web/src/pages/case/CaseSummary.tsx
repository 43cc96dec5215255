import { CLOSE_REASON_LABEL, OWNERSHIP_LABEL, STAGE_LABEL, fmtDate, fmtDateTime, fmtNumber, labelOf } from '../../i18n';
import type { CaseDetail } from '../../queries';
import { addressLine } from '../../text';

/** The case at a glance: stage and due day, who is in charge, the enterprise, how it ended. */
export function CaseSummary({ c }: { c: CaseDetail }) {
  return (
    <section className="panel" aria-labelledby="sum-title">
      <h2 id="sum-title">Thông tin hồ sơ</h2>
      <dl className="facts">
        <div>
          <dt>Giai đoạn</dt>
          <dd>
            <span className={`stage-pill stage-${c.stage.toLowerCase()}`} data-testid="case-stage">
              {STAGE_LABEL[c.stage]}
            </span>
          </dd>
        </div>
        <div>
          <dt>Hạn giai đoạn</dt>
          <dd>
            {c.stageDueOn ? <time dateTime={c.stageDueOn}>{fmtDate(c.stageDueOn)}</time> : '—'}{' '}
            {c.overdue && <span className="badge badge-overdue">⚠ Quá hạn</span>}
          </dd>
        </div>
        <div>
          <dt>Vào giai đoạn lúc</dt>
          <dd>{fmtDateTime(c.stageEnteredAt)}</dd>
        </div>
        <div>
          <dt>Cán bộ phụ trách</dt>
          <dd data-testid="case-assignee">{c.assignee?.fullName ?? <em>Chưa phân công</em>}</dd>
        </div>
        <div>
          <dt>Đơn vị</dt>
          <dd>{c.orgUnit.name}</dd>
        </div>
        <div>
          <dt>Mở hồ sơ</dt>
          <dd>{fmtDateTime(c.openedAt)}</dd>
        </div>
        <div>
          <dt>Doanh nghiệp</dt>
          <dd>
            {c.enterprise.name}
            {c.enterprise.ownership ? ` (${labelOf(OWNERSHIP_LABEL, c.enterprise.ownership)})` : ''}
          </dd>
        </div>
        <div>
          <dt>Địa bàn · Ngành</dt>
          <dd>
            {addressLine(c.enterprise.address, c.enterprise.district) || '—'} · {c.enterprise.sector ?? '—'}
          </dd>
        </div>
        <div>
          <dt>Số lao động (khảo sát)</dt>
          <dd>
            {fmtNumber(c.enterprise.workerCount)}
            {c.enterprise.surveyedOn ? ` — ngày ${fmtDate(c.enterprise.surveyedOn)}` : ''}
          </dd>
        </div>
        <div>
          <dt>Công đoàn tại doanh nghiệp</dt>
          <dd>{c.enterprise.hasUnion ? 'Đã có' : 'Chưa có'}</dd>
        </div>
        {c.closedReason && (
          <div>
            <dt>Lý do đóng</dt>
            <dd>
              {labelOf(CLOSE_REASON_LABEL, c.closedReason)}
              {c.closedFromStage ? ` (đóng ở giai đoạn ${STAGE_LABEL[c.closedFromStage]})` : ''}
            </dd>
          </div>
        )}
        {c.decisionNumber && (
          <div>
            <dt>Quyết định công nhận</dt>
            <dd>
              Số {c.decisionNumber}
              {c.decidedOn ? ` ngày ${fmtDate(c.decidedOn)}` : ''}
            </dd>
          </div>
        )}
        {c.grassrootsUnion && (
          <div>
            <dt>CĐCS được thành lập</dt>
            <dd data-testid="case-union">{c.grassrootsUnion.name}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
