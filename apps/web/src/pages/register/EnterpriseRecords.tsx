import { CLOSE_REASON_LABEL, STAGE_LABEL, fmtDate, fmtDateTime, fmtNumber, labelOf } from '../../i18n';
import { WORKER_COUNT_SOURCE_LABEL } from '../../i18n-registers';
import type { EnterpriseCase, WorkerCountEntry } from '../../queries-register';
import { Link } from '../../router';

/** Every worker count recorded, newest first: the figure, the day it was counted, where it came from. */
export function WorkerCountHistory({ entries }: { entries: WorkerCountEntry[] }) {
  return (
    <section className="panel" aria-labelledby="wc-title">
      <h2 id="wc-title">Lịch sử số lao động</h2>
      {entries.length === 0 ? (
        <p className="muted">Chưa có số liệu.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table" data-testid="worker-history">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Số lao động
                </th>
                <th scope="col">Ngày đếm</th>
                <th scope="col">Nguồn</th>
                <th scope="col">Người ghi</th>
                <th scope="col">Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((w, i) => (
                <tr key={`${w.recordedAt}-${i}`} data-testid="worker-history-row" data-source={w.source} data-count={w.workerCount}>
                  <td data-label="Số lao động" className="num">
                    <strong>{fmtNumber(w.workerCount)}</strong>
                  </td>
                  <td data-label="Ngày đếm">{fmtDate(w.countedOn)}</td>
                  <td data-label="Nguồn">{labelOf(WORKER_COUNT_SOURCE_LABEL, w.source)}</td>
                  <td data-label="Người ghi">
                    <span className="cell">
                      {w.recordedBy?.fullName ?? '—'}
                      <small className="muted block">{fmtDateTime(w.recordedAt)}</small>
                    </span>
                  </td>
                  <td data-label="Ghi chú">{w.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The enterprise's founding cases, past and present, newest first, each linking to its page. */
export function EnterpriseCases({ cases }: { cases: EnterpriseCase[] }) {
  return (
    <section className="panel" aria-labelledby="ec-title">
      <h2 id="ec-title">Hồ sơ thành lập CĐCS</h2>
      {cases.length === 0 ? (
        <p className="muted">Doanh nghiệp chưa có hồ sơ nào.</p>
      ) : (
        <ul className="case-list" data-testid="enterprise-cases">
          {cases.map((c) => (
            <li key={c.id} data-testid="enterprise-case" data-case-id={c.id} data-stage={c.stage}>
              <Link to={`/ho-so/${c.id}`}>
                <span className={`stage-pill stage-${c.stage.toLowerCase()}`}>{STAGE_LABEL[c.stage]}</span>
              </Link>{' '}
              mở lúc {fmtDateTime(c.openedAt)}
              {c.assignee ? ` · ${c.assignee.fullName}` : ' · chưa phân công'}
              {c.stageDueOn && ` · hạn giai đoạn ${fmtDate(c.stageDueOn)}`}
              {c.overdue && <span className="badge badge-overdue">Quá hạn</span>}
              {c.closedReason && (
                <span className="muted">
                  {' '}
                  · đóng: {labelOf(CLOSE_REASON_LABEL, c.closedReason)}
                  {c.closedFromStage ? ` (ở giai đoạn ${STAGE_LABEL[c.closedFromStage]})` : ''}
                </span>
              )}
              {c.decidedOn && <span className="muted"> · công nhận ngày {fmtDate(c.decidedOn)}</span>}
              <Link to={`/ho-so/${c.id}`} className="small case-open-link">
                Xem hồ sơ →
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
