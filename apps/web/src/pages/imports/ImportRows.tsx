import { useState } from 'react';
import { gql } from '../../api';
import { fmtNumber, labelOf, optionsOf } from '../../i18n';
import { IMPORT_ACTION_LABEL, REGISTER_FIELD_LABEL } from '../../i18n-registers';
import { IMPORTS, type ImportRow, type ImportRowAction } from '../../queries-register';
import { ErrorBox } from '../../ui/errors';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/page';
import { ConnectionPager, useCursorPager } from '../../ui/pager';
import { useAsync } from '../../ui/use-async';

const PAGE = 50;

/** The rows of an import's dry run, all or those of one action; refused rows with their column and reason. */
export function ImportRows({ id, version, initialAction }: { id: string; version: string; initialAction: ImportRowAction | '' }) {
  const [action, setAction] = useState<ImportRowAction | ''>(initialAction);
  const pager = useCursorPager(`${id}:${action}`);
  const q = useAsync(
    async () => (await gql(IMPORTS.one, { id, action: action || null, first: PAGE, after: pager.after })).registerImport.rows,
    [id, action, pager.after, version],
    { subject: [id] },
  );
  const rows = q.data;
  return (
    <section className="import-rows" aria-labelledby="rows-title">
      <h2 id="rows-title">Các dòng của tệp</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Lọc các dòng">
        <SelectField
          label="Xem"
          name="action"
          value={action}
          onChange={setAction}
          testId="import-action-filter"
          options={[{ value: '' as const, label: 'Tất cả các dòng' }, ...optionsOf(IMPORT_ACTION_LABEL)]}
        />
      </form>
      <ErrorBox error={q.error} />
      {q.loading && !rows && <Loading what="các dòng" />}
      {rows && rows.nodes.length === 0 && <p className="empty-state">Không có dòng nào.</p>}
      {rows && rows.nodes.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="stack-table" data-testid="import-rows">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Dòng
                  </th>
                  <th scope="col">Kết quả</th>
                  <th scope="col">Mã số thuế</th>
                  <th scope="col">Tên doanh nghiệp</th>
                  <th scope="col">Chi tiết</th>
                </tr>
              </thead>
              <tbody>
                {rows.nodes.map((r) => (
                  <RowView key={r.rowNumber} r={r} />
                ))}
              </tbody>
            </table>
          </div>
          <ConnectionPager connection={rows} pager={pager} pageSize={PAGE} testId="import-rows-pager" what="dòng" />
        </>
      )}
    </section>
  );
}

function RowView({ r }: { r: ImportRow }) {
  return (
    <tr data-testid="import-row" data-row-number={r.rowNumber} data-action={r.action} className={r.action === 'REFUSED' ? 'row-refused' : undefined}>
      <td data-label="Dòng" className="num">
        {fmtNumber(r.rowNumber)}
      </td>
      <td data-label="Kết quả">
        <span className="cell">
          <span className={`badge badge-import-${r.action.toLowerCase()}`}>{labelOf(IMPORT_ACTION_LABEL, r.action)}</span>
          {r.applied && <span className="badge badge-active">Đã nhập</span>}
        </span>
      </td>
      <td data-label="Mã số thuế">{r.taxCode ?? '—'}</td>
      <td data-label="Tên doanh nghiệp">{r.name ?? '—'}</td>
      <td data-label="Chi tiết">
        {r.errors.length > 0 ? (
          <ul className="row-errors" data-testid="import-row-errors">
            {r.errors.map((e, i) => (
              <li key={i}>
                {e.column && <strong>Cột «{e.column}»: </strong>}
                {e.message}
              </li>
            ))}
          </ul>
        ) : r.changedFields.length > 0 ? (
          <span>Thay đổi: {r.changedFields.map((f) => labelOf(REGISTER_FIELD_LABEL, f)).join(', ')}</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
