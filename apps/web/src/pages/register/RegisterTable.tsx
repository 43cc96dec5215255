import { OWNERSHIP_LABEL, STAGE_LABEL, fmtDate, fmtNumber, labelOf } from '../../i18n';
import type { RegisterRow } from '../../queries-register';
import { Link } from '../../router';

/** One page of the register: a table on wide screens, one card per enterprise on a phone. */
export function RegisterTable({ rows, showUnit }: { rows: RegisterRow[]; showUnit: boolean }) {
  if (rows.length === 0) return <p className="empty-state">Không có doanh nghiệp nào khớp bộ lọc.</p>;
  return (
    <div className="table-wrap">
      <table className="stack-table" data-testid="register-table">
        <thead>
          <tr>
            <th scope="col">Doanh nghiệp</th>
            <th scope="col" className="num">
              Số lao động
            </th>
            <th scope="col">Huyện/Xã</th>
            <th scope="col">Ngành</th>
            <th scope="col">Loại hình</th>
            <th scope="col">Công đoàn</th>
            <th scope="col">Hồ sơ thành lập</th>
            <th scope="col">Cán bộ phụ trách địa bàn</th>
            {showUnit && <th scope="col">Đơn vị</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} data-testid="enterprise-row" data-enterprise-id={e.id} data-tax-code={e.taxCode} className={e.closedOn ? 'row-closed' : undefined}>
              <th scope="row" data-label="Doanh nghiệp">
                <span className="cell">
                  <Link to={`/doanh-nghiep/${e.id}`} data-testid="enterprise-link">
                    {e.name}
                  </Link>
                  <small className="muted block">MST {e.taxCode}</small>
                  {e.closedOn && <span className="badge badge-closed">Ngừng hoạt động từ {fmtDate(e.closedOn)}</span>}
                </span>
              </th>
              <td data-label="Số lao động" className="num">
                <span className="cell">
                  {fmtNumber(e.workerCount)}
                  {e.surveyedOn && <small className="muted block">ngày {fmtDate(e.surveyedOn)}</small>}
                </span>
              </td>
              <td data-label="Huyện/Xã">{e.district ?? '—'}</td>
              <td data-label="Ngành">{e.sector ?? '—'}</td>
              <td data-label="Loại hình">{e.ownership ? labelOf(OWNERSHIP_LABEL, e.ownership) : '—'}</td>
              <td data-label="Công đoàn">{e.hasUnion ? 'Đã có' : 'Chưa có'}</td>
              <td data-label="Hồ sơ thành lập">
                {e.openCase ? <Link to={`/ho-so/${e.openCase.id}`}>{STAGE_LABEL[e.openCase.stage]}</Link> : <span className="muted">Chưa có hồ sơ mở</span>}
              </td>
              <td data-label="Cán bộ phụ trách địa bàn" data-testid="area-officer">
                {e.areaOfficer ? e.areaOfficer.fullName : <span className="muted">Chưa giao</span>}
              </td>
              {showUnit && <td data-label="Đơn vị">{e.orgUnit.name}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
