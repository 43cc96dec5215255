import { gql } from '../../api';
import { STAGE_LABEL, fmtDate } from '../../i18n';
import { Q, type CaseFilter } from '../../queries';
import { Link } from '../../router';
import { ErrorBox } from '../../ui/errors';
import { Loading } from '../../ui/page';
import { ConnectionPager, useCursorPager } from '../../ui/pager';
import { useAsync } from '../../ui/use-async';

export const BOARD_PAGE_SIZE = 50;

/**
 * The board as a list, a page at a time (the API's first/after), for units with hundreds of cases:
 * enterprise, tax code, district, stage, due day and assignee; newest cases first, as the API sorts.
 */
export function BoardList({ filter, showUnit }: { filter: CaseFilter; showUnit: boolean }) {
  const key = JSON.stringify(filter);
  const pager = useCursorPager(key);
  const list = useAsync(async () => (await gql(Q.cases, { f: filter, first: BOARD_PAGE_SIZE, after: pager.after })).foundingCases, [key, pager.after], {
    subject: [],
  });
  const page = list.data;
  return (
    <div data-testid="board-list">
      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="hồ sơ" />}
      {page && (
        <>
          <ConnectionPager connection={page} pager={pager} pageSize={BOARD_PAGE_SIZE} testId="board-pager" what="hồ sơ" />
          {page.nodes.length === 0 ? (
            <p className="empty-state">Không có hồ sơ nào khớp bộ lọc.</p>
          ) : (
            <div className="table-wrap">
              <table className="stack-table board-table" data-testid="board-table">
                <thead>
                  <tr>
                    <th scope="col">Doanh nghiệp</th>
                    <th scope="col">Mã số thuế</th>
                    <th scope="col">Huyện/Xã</th>
                    <th scope="col">Giai đoạn</th>
                    <th scope="col">Hạn giai đoạn</th>
                    <th scope="col">Cán bộ phụ trách</th>
                    {showUnit && <th scope="col">Đơn vị</th>}
                  </tr>
                </thead>
                <tbody>
                  {page.nodes.map((c) => (
                    <tr key={c.id} data-testid="case-row" data-case-id={c.id} data-stage={c.stage} className={c.overdue ? 'row-overdue' : undefined}>
                      <th scope="row" data-label="Doanh nghiệp">
                        <Link to={`/ho-so/${c.id}`}>{c.enterprise.name}</Link>
                      </th>
                      <td data-label="Mã số thuế" className="mono">
                        {c.enterprise.taxCode}
                      </td>
                      <td data-label="Huyện/Xã">{c.enterprise.district ?? '—'}</td>
                      <td data-label="Giai đoạn">{STAGE_LABEL[c.stage]}</td>
                      <td data-label="Hạn giai đoạn">
                        {c.stageDueOn ? <time dateTime={c.stageDueOn}>{fmtDate(c.stageDueOn)}</time> : '—'}
                        {c.overdue && (
                          <span className="badge badge-overdue" data-testid="overdue-badge">
                            ⚠ Quá hạn
                          </span>
                        )}
                      </td>
                      <td data-label="Cán bộ phụ trách">{c.assignee ? c.assignee.fullName : <em>Chưa phân công</em>}</td>
                      {showUnit && <td data-label="Đơn vị">{c.orgUnit.name}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
