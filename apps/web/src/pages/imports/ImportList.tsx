import { gql } from '../../api';
import { fmtDateTime, fmtNumber, labelOf } from '../../i18n';
import { IMPORT_STATUS_LABEL } from '../../i18n-registers';
import { IMPORTS } from '../../queries-register';
import { Link } from '../../router';
import { ErrorBox } from '../../ui/errors';
import { Loading } from '../../ui/page';
import { useAsync } from '../../ui/use-async';

/** The latest imports the caller may see, newest first, each opening its dry run or result. */
export function ImportList({ currentId, version }: { currentId: string | null; version: string }) {
  const q = useAsync(async () => (await gql(IMPORTS.list, { first: 20 })).registerImports, [version], { subject: [] });
  return (
    <section className="panel" aria-labelledby="imports-title">
      <h2 id="imports-title">Các lần nhập gần đây</h2>
      <ErrorBox error={q.error} />
      {q.loading && !q.data && <Loading what="các lần nhập" />}
      {q.data && q.data.nodes.length === 0 && <p className="muted">Chưa có lần nhập nào.</p>}
      <ul className="import-list" data-testid="import-list">
        {(q.data?.nodes ?? []).map((i) => (
          <li key={i.id} data-testid="import-list-item" data-import-id={i.id} data-status={i.status} className={i.id === currentId ? 'current' : undefined}>
            <Link to={`/doanh-nghiep/nhap?id=${encodeURIComponent(i.id)}`} aria-current={i.id === currentId ? 'true' : undefined}>
              {i.fileName}
            </Link>{' '}
            <span className={`badge badge-import-status-${i.status.toLowerCase()}`}>{labelOf(IMPORT_STATUS_LABEL, i.status)}</span>
            <p className="muted small">
              {fmtDateTime(i.createdAt)} · {i.createdBy.fullName} · {i.orgUnit.name} · {fmtNumber(i.totalRows)} dòng:{' '}
              {i.status === 'APPLIED'
                ? `${fmtNumber(i.appliedCreated)} thêm mới, ${fmtNumber(i.appliedUpdated)} cập nhật`
                : `${fmtNumber(i.toCreate)} thêm mới, ${fmtNumber(i.toUpdate)} cập nhật`}
              , {fmtNumber(i.refused)} bị từ chối
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
