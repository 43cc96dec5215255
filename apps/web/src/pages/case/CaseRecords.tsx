import { ACTION_LABEL, EVIDENCE_KIND_LABEL, OWNERSHIP_LABEL, STAGE_LABEL, fieldLabel, fmtDate, fmtDateTime, fmtNumber, labelOf } from '../../i18n';
import { useState } from 'react';
import type { CaseDetail, Evidence } from '../../queries';
import { ALL_STAGES } from '../../stages';
import { Notice } from '../../ui/errors';
import { ApplicationStatusCell, RejectCell } from '../grassroots/application-cells';
import { RejectApplicationForm } from '../grassroots/RejectApplicationForm';

// What has been recorded on a case: evidence by stage, membership applications, history.

function detailValue(key: string, v: unknown): string {
  if (v == null || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return fmtNumber(v);
  if (Array.isArray(v)) return v.map((x) => String(x)).join(', ');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
  if (key === 'ownership' && typeof v === 'string') return labelOf(OWNERSHIP_LABEL, v);
  return String(v);
}

export function EvidenceSection({ evidence }: { evidence: Evidence[] }) {
  const stages = ALL_STAGES.filter((s) => evidence.some((e) => e.stage === s));
  return (
    <section className="panel" aria-labelledby="ev-title" data-testid="evidence">
      <h2 id="ev-title">Kết quả đã ghi theo giai đoạn</h2>
      {evidence.length === 0 && <p className="muted">Chưa ghi kết quả nào.</p>}
      {stages.map((s) => (
        <div key={s} className="evidence-stage">
          <h3>{STAGE_LABEL[s]}</h3>
          <ul className="evidence-list">
            {evidence
              .filter((e) => e.stage === s)
              .map((e) => {
                let details: Record<string, unknown>;
                try {
                  details = JSON.parse(e.detailsJson) as Record<string, unknown>;
                } catch {
                  details = { note: e.detailsJson };
                }
                return (
                  <li key={e.id} data-testid={`evidence-${e.kind}`}>
                    <p>
                      <strong>{labelOf(EVIDENCE_KIND_LABEL, e.kind)}</strong> — ngày {fmtDate(e.occurredOn)}{' '}
                      <span className="muted">(ghi lúc {fmtDateTime(e.recordedAt)})</span>
                    </p>
                    <dl className="details">
                      {Object.entries(details).map(([k, v]) => (
                        <div key={k}>
                          <dt>{fieldLabel(k)}</dt>
                          <dd>{detailValue(k, v)}</dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * The case's membership applications with their status. `canReject` (a manager, the case before its recognition
 * decision): each pending one may be refused with its reason (decideApplication, admit: false). None is admitted
 * here: the founders are admitted together by the recognition, into the CĐCS it creates
 * (docs/architecture.md#grassroots-unions).
 */
export function ApplicationsSection({ c, canReject, onChanged }: { c: CaseDetail; canReject: boolean; onChanged: () => void }) {
  const active = c.applications.filter((a) => a.status === 'SUBMITTED' || a.status === 'ADMITTED').length;
  const [rejecting, setRejecting] = useState<{ id: string; fullName: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pending = canReject && c.applications.some((a) => a.status === 'SUBMITTED');
  return (
    <section className="panel" aria-labelledby="app-title" data-testid="applications">
      <h2 id="app-title">
        Đơn xin gia nhập công đoàn <span className="count">{fmtNumber(c.applications.length)}</span>
      </h2>
      <p className="muted">{fmtNumber(active)} đơn hợp lệ (đã nộp hoặc đã kết nạp). Cần tối thiểu 5 đơn trước đại hội thành lập.</p>
      {pending && (
        <p className="muted small">
          Người nộp đơn được kết nạp cùng quyết định công nhận công đoàn cơ sở. Đơn không đủ điều kiện hoặc người lao động rút đơn: bấm «Từ chối» và ghi lý do.
        </p>
      )}
      {notice && <Notice reveal>{notice}</Notice>}
      {c.applications.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table" data-testid="case-applications-table">
            <thead>
              <tr>
                <th scope="col">Họ và tên</th>
                <th scope="col">Năm sinh</th>
                <th scope="col">Giới tính</th>
                <th scope="col">Vị trí</th>
                <th scope="col">Ngày nộp</th>
                <th scope="col">Trạng thái</th>
                {pending && <th scope="col">Thao tác</th>}
              </tr>
            </thead>
            <tbody>
              {c.applications.map((a) => (
                <tr key={a.id} data-testid="case-application-row" data-status={a.status}>
                  <td data-label="Họ và tên">{a.fullName}</td>
                  <td data-label="Năm sinh">{a.birthYear}</td>
                  <td data-label="Giới tính">{a.gender}</td>
                  <td data-label="Vị trí">{a.position}</td>
                  <td data-label="Ngày nộp">{fmtDate(a.submittedOn)}</td>
                  <ApplicationStatusCell a={a} label="Trạng thái" testId="case-application-status" />
                  {pending && (
                    <RejectCell
                      a={a}
                      testId="case-application-reject"
                      onReject={(x) => {
                        setNotice(null);
                        setRejecting(x);
                      }}
                    />
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rejecting && (
        <RejectApplicationForm
          key={rejecting.id}
          application={rejecting}
          onCancel={() => setRejecting(null)}
          onRejected={(message) => {
            setRejecting(null);
            setNotice(message);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

export function HistorySection({ c }: { c: CaseDetail }) {
  return (
    <section className="panel" aria-labelledby="hist-title" data-testid="history">
      <h2 id="hist-title">Lịch sử hồ sơ</h2>
      {c.history.length === 0 ? (
        <p className="muted">Chưa có thay đổi nào.</p>
      ) : (
        <ol className="timeline">
          {[...c.history].reverse().map((h) => (
            <li key={h.version}>
              <p>
                <strong>{labelOf(ACTION_LABEL, h.action)}</strong>
                {h.from !== h.to && (
                  <>
                    {': '}
                    {h.from ? STAGE_LABEL[h.from] : '—'} → {STAGE_LABEL[h.to]}
                  </>
                )}
              </p>
              <p className="muted">
                {fmtDateTime(h.at)} · {h.by.fullName} · phiên bản {h.version}
              </p>
              {h.comment && <p className="comment">“{h.comment}”</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
