import { useState } from 'react';
import { gql } from '../../api';
import type { ReturnPeriodKind } from '../../generated/graphql';
import { fmtDate, fmtDateTime } from '../../i18n';
import { RETURN_STATUS_LABEL, periodLabel } from '../../i18n-returns';
import { RETURNS } from '../../queries-returns';
import { useSession } from '../../session';
import { ErrorBox, Notice } from '../../ui/errors';
import { Loading } from '../../ui/page';
import { useAsync } from '../../ui/use-async';
import { Decision } from './ReturnDecision';
import { FiguresTable } from './ReturnFiguresTable';
import { ReturnForm } from './ReturnForm';
import { Versions } from './ReturnVersions';

/**
 * A CĐCS's statistics return for one period (docs/architecture.md#statistics-returns): its status, the figures
 * (prefilled from the register; the CĐCS adjusts them with a note, saves, submits; read-only once submitted), the upper
 * level's accept / send back (with a reason), and every version kept.
 */
export function ReturnView({ unitId, kind, year }: { unitId: string; kind: ReturnPeriodKind; year: number }) {
  const { me, sup } = useSession();
  const q = useAsync(async () => (await gql(RETURNS.get, { g: unitId, k: kind, y: year })).statisticsReturn, [unitId, kind, year]);
  const [flash, setFlash] = useState<string | null>(null);
  const r = q.data;
  const canWrite = me.role === 'GRASSROOTS' || me.role === 'ADMIN';
  const editable = !!r && canWrite && (r.status === 'DRAFT' || r.status === 'SENT_BACK');
  const done = (message: string) => {
    setFlash(message);
    q.reload();
  };
  return (
    <section className="return-view" aria-labelledby="return-title" data-testid="return-view">
      <ErrorBox error={q.error} onReload={q.reload} />
      {flash && <Notice reveal>{flash}</Notice>}
      {q.loading && !r && <Loading what="báo cáo thống kê" />}
      {r && (
        <>
          <div className="return-head">
            <h2 id="return-title">
              {periodLabel(r.kind, r.year)} · {r.grassrootsUnionName}
            </h2>
            <p className="muted">
              Mẫu 1-HĐCĐ · số liệu từ {fmtDate(r.periodStart)} đến {fmtDate(r.referenceDay)} · hạn nộp{' '}
              <strong data-testid="return-due">{fmtDate(r.dueOn)}</strong>
            </p>
            <p>
              <span className={`badge badge-return-${r.status.toLowerCase()}`} data-testid="return-status" data-status={r.status}>
                {r.id ? RETURN_STATUS_LABEL[r.status] : 'Chưa lập (số liệu lấy từ sổ đoàn viên)'}
              </span>
              {r.late && (
                <span className="badge badge-overdue" data-testid="return-late">
                  Nộp muộn
                </span>
              )}
              {r.submittedAt && <small className="muted"> · gửi lúc {fmtDateTime(r.submittedAt)}</small>}
              {r.decidedAt && r.status !== 'SUBMITTED' && <small className="muted"> · cấp trên xử lý lúc {fmtDateTime(r.decidedAt)}</small>}
            </p>
            {r.status === 'SENT_BACK' && r.sentBackReason && (
              <div className="alert alert-warning" role="note" data-testid="return-sent-back">
                <strong>Cấp trên trả lại báo cáo:</strong> {r.sentBackReason}
                {canWrite && <div className="small">Hãy sửa số liệu (ghi chú lý do điều chỉnh) rồi gửi lại.</div>}
              </div>
            )}
          </div>
          {editable ? <ReturnForm key={`${r.version}-${r.status}`} r={r} onDone={done} /> : <FiguresTable r={r} />}
          {sup && r.id && r.status === 'SUBMITTED' && <Decision key={r.version} id={r.id} version={r.version} onDone={done} />}
          <Versions r={r} />
        </>
      )}
    </section>
  );
}
