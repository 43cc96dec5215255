import { useState } from 'react';
import { gql } from '../../api';
import { fmtDate, fmtDateTime } from '../../i18n';
import { ORG_CHANGE_STATUS_LABEL } from '../../i18n-restructuring';
import { RESTRUCTURE } from '../../queries-restructuring';
import { ConfirmDialog } from '../../ui/dialog';
import { ErrorBox } from '../../ui/errors';
import { Loading } from '../../ui/page';
import { useAction } from '../../ui/use-action';
import { useAsync } from '../../ui/use-async';

/**
 * A unit's changes (orgUnitHistory): kind, effective day, decision, who and when; an ADMIN cancels a scheduled one
 * after confirming it (one request however often the button is pressed).
 */
export function OrgHistory(p: { unitId: string; unitName: string; canCancel: boolean; onClose: () => void; onChanged: (message: string) => void }) {
  const h = useAsync(async () => (await gql(RESTRUCTURE.history, { id: p.unitId })).orgUnitHistory, [p.unitId]);
  const [cancelling, setCancelling] = useState<{ id: string; summary: string } | null>(null);
  const cancel = useAction();
  return (
    <section className="panel inline-form" aria-label={`Lịch sử tổ chức của ${p.unitName}`} data-testid="org-history">
      <h3>Lịch sử sắp xếp tổ chức: {p.unitName}</h3>
      <ErrorBox error={h.error} />
      {h.loading && !h.data && <Loading what="lịch sử" />}
      {h.data && h.data.length === 0 && <p className="empty-state">Đơn vị chưa có thay đổi nào.</p>}
      <ol className="org-history">
        {h.data?.map((c) => (
          <li key={c.id} data-testid="org-history-row" data-status={c.status}>
            <p>
              <strong>{c.kindLabel}</strong> — hiệu lực từ <strong>{fmtDate(c.effectiveOn)}</strong>{' '}
              <span className={`badge ${c.status === 'APPLIED' ? 'badge-report-ready' : c.status === 'SCHEDULED' ? 'badge-warning' : 'badge-closed'}`}>
                {ORG_CHANGE_STATUS_LABEL[c.status]}
              </span>
            </p>
            <p>{c.summary}</p>
            <p className="muted small">
              {c.decisionReference} · ghi bởi {c.createdByName}, {fmtDateTime(c.createdAt)}
              {c.failure && ` · ${c.failure}`}
            </p>
            {p.canCancel && c.status === 'SCHEDULED' && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                data-testid="org-history-cancel"
                onClick={() => setCancelling({ id: c.id, summary: c.summary })}
              >
                Hủy thay đổi này
              </button>
            )}
          </li>
        ))}
      </ol>
      <ConfirmDialog
        open={cancelling !== null}
        title="Hủy thay đổi đã lên lịch?"
        confirmLabel="Hủy thay đổi"
        danger
        busy={cancel.busy !== null}
        error={cancel.error}
        onClose={() => setCancelling(null)}
        onConfirm={() =>
          cancel.run(true, async () => {
            if (!cancelling) return;
            await gql(RESTRUCTURE.cancel, { id: cancelling.id });
            p.onChanged(`Đã hủy thay đổi: ${cancelling.summary}.`);
            setCancelling(null);
            h.reload();
          })
        }
      >
        <p>{cancelling?.summary}</p>
        <p>Thay đổi sẽ không được áp dụng; muốn thực hiện lại phải ghi một thay đổi mới.</p>
      </ConfirmDialog>
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={p.onClose}>
          Đóng
        </button>
      </div>
    </section>
  );
}
