import { useEffect, useState } from 'react';
import { downloadWithToken, gql } from '../../api';
import { fmtDateTime, fmtNumber, fmtPercent, labelOf } from '../../i18n';
import { IMPORT_STATUS_LABEL } from '../../i18n-registers';
import { IMPORTS, type RegisterImport } from '../../queries-register';
import { Link } from '../../router';
import { ConfirmDialog } from '../../ui/dialog';
import { ErrorBox, Notice } from '../../ui/errors';
import { Loading } from '../../ui/page';
import { useAction } from '../../ui/use-action';
import { useAsync } from '../../ui/use-async';
import { ImportRows } from './ImportRows';
import { appliedSummary } from './import-outcome';

const POLL_MS = 1000;

/**
 * One import: the dry run's counts and rows; confirming applies it (the worker does, while the page
 * polls its progress until APPLIED or FAILED); cancelling drops it; the refused rows download as XLSX.
 */
export function ImportView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const q = useAsync(async () => (await gql(IMPORTS.status, { id })).registerImport, [id]);
  const [live, setLive] = useState<RegisterImport | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const [asking, setAsking] = useState(false);
  const act = useAction<'confirm' | 'cancel' | 'refused'>();
  const imp = live ?? q.data;

  // While it is being applied, ask again every second; once it ends, tell the list.
  useEffect(() => {
    if (imp?.status !== 'APPLYING') return;
    const t = setTimeout(async () => {
      try {
        const next = (await gql(IMPORTS.status, { id })).registerImport;
        setPollError(null);
        setLive(next);
        if (next.status !== 'APPLYING') onChanged();
      } catch (e) {
        setPollError(e);
        setLive({ ...imp }); // a new object: ask again after the pause
      }
    }, POLL_MS);
    return () => clearTimeout(t);
  }, [imp, id, onChanged]);

  if (q.loading && !imp) return <Loading what="kết quả kiểm tra tệp" />;
  if (!imp) return <ErrorBox error={q.error} />;

  const applicable = imp.toCreate + imp.toUpdate;
  const counts = [
    { key: 'create', label: 'Thêm mới', value: imp.toCreate },
    { key: 'update', label: 'Cập nhật', value: imp.toUpdate },
    { key: 'unchanged', label: 'Không đổi', value: imp.unchanged },
    { key: 'refused', label: 'Bị từ chối', value: imp.refused },
  ];
  const update = (next: RegisterImport, message: string) => {
    setLive(next);
    onChanged();
    return message;
  };
  return (
    <section className="panel import-view" aria-labelledby="import-title" data-testid="import-view" data-import-id={imp.id} data-status={imp.status}>
      <div className="report-head">
        <h2 id="import-title">{imp.fileName}</h2>
        <span className={`badge badge-import-status-${imp.status.toLowerCase()}`} data-testid="import-status">
          {labelOf(IMPORT_STATUS_LABEL, imp.status)}
        </span>
      </div>
      <p className="muted small">
        {imp.sheetName ? `Trang tính «${imp.sheetName}» · ` : ''}
        {fmtNumber(imp.totalRows)} dòng · vào {imp.orgUnit.name} · {imp.createdBy.fullName}, {fmtDateTime(imp.createdAt)}
      </p>
      <dl className="count-tiles">
        {counts.map((c) => (
          <div key={c.key} className={`count-tile count-${c.key}`}>
            <dt>{c.label}</dt>
            <dd data-testid={`import-count-${c.key}`}>{fmtNumber(c.value)}</dd>
          </div>
        ))}
      </dl>

      {imp.status === 'APPLYING' && (
        <div className="report-progress" data-testid="import-progress">
          <progress max={1} value={imp.progress} aria-label="Tiến độ nhập">
            {fmtPercent(imp.progress * 100)}
          </progress>
          <span>
            {fmtNumber(imp.appliedRows)} / {fmtNumber(applicable)} dòng ({fmtPercent(imp.progress * 100)})
          </span>
        </div>
      )}
      {imp.status === 'APPLIED' && (
        <div data-testid="import-applied">
          <Notice>
            {appliedSummary(imp)} <Link to="/doanh-nghiep">Xem sổ doanh nghiệp</Link>
          </Notice>
        </div>
      )}
      {imp.status === 'FAILED' && (
        <p className="alert alert-error" role="alert" data-testid="import-failed">
          Nhập không thành công{imp.error ? `: ${imp.error}` : '.'} Sổ doanh nghiệp không thay đổi những dòng chưa nhập; hãy kiểm tra tệp và nhập lại.
        </p>
      )}
      {imp.status === 'CANCELLED' && <p className="alert alert-info">Lần nhập này đã huỷ; sổ doanh nghiệp không thay đổi.</p>}
      {imp.status === 'VALIDATED' && (
        <p className="muted">
          Đây là kết quả kiểm tra — sổ doanh nghiệp chưa thay đổi.{' '}
          {applicable === 0 ? 'Không có dòng nào để nhập.' : `Xác nhận để nhập ${fmtNumber(applicable)} dòng; các dòng bị từ chối được bỏ qua.`}
        </p>
      )}

      <div className="report-actions">
        {imp.status === 'VALIDATED' && (
          <>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="import-confirm"
              disabled={applicable === 0 || act.busy !== null}
              aria-busy={act.busy === 'confirm'}
              onClick={() =>
                act.run('confirm', async () => update((await gql(IMPORTS.confirm, { id: imp.id })).confirmRegisterImport, 'Đang nhập vào sổ doanh nghiệp…'))
              }
            >
              {act.busy === 'confirm' ? 'Đang gửi…' : 'Xác nhận nhập'}
            </button>
            <button type="button" className="btn btn-secondary" data-testid="import-cancel" disabled={act.busy !== null} onClick={() => setAsking(true)}>
              Huỷ
            </button>
          </>
        )}
        {imp.refused > 0 && (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="import-refused-download"
            disabled={act.busy === 'refused'}
            onClick={() =>
              act.run(
                'refused',
                async () => `Đã tải về ${await downloadWithToken(`/imports/${encodeURIComponent(imp.id)}/refused.xlsx`, 'dong-bi-tu-choi.xlsx')}`,
              )
            }
          >
            {act.busy === 'refused' ? 'Đang tải…' : 'Tải các dòng bị từ chối'}
          </button>
        )}
      </div>
      <ErrorBox error={act.error ?? pollError} reveal={!!act.error} />
      {act.done && imp.status !== 'APPLIED' && <Notice reveal>{act.done}</Notice>}

      <ImportRows id={imp.id} version={imp.status} initialAction={imp.refused > 0 && imp.status === 'VALIDATED' ? 'REFUSED' : ''} />

      <ConfirmDialog
        open={asking}
        title="Huỷ lần nhập này?"
        confirmLabel="Huỷ lần nhập"
        danger
        busy={act.busy === 'cancel'}
        onClose={() => setAsking(false)}
        onConfirm={() =>
          act.run('cancel', async () => {
            setAsking(false);
            return update((await gql(IMPORTS.cancel, { id: imp.id })).cancelRegisterImport, 'Đã huỷ lần nhập; sổ doanh nghiệp không thay đổi.');
          })
        }
      >
        <p>Kết quả kiểm tra tệp {imp.fileName} sẽ bị bỏ; sổ doanh nghiệp không thay đổi.</p>
      </ConfirmDialog>
    </section>
  );
}
