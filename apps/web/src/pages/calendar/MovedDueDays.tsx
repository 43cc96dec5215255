import { STAGE_LABEL, fmtDate, fmtNumber } from '../../i18n';
import type { CalendarChange, MovedDueDaysView } from '../../queries-calendar';
import { Link } from '../../router';
import { KIND_LABEL, weekdayOf } from './calendar-text';

/** What a change of one day did, in words. */
export function changeSummary(c: CalendarChange): string {
  const when = `${weekdayOf(c.day)} ${fmtDate(c.day)}`;
  if (!c.current) return `Đã xoá ${c.previous ? KIND_LABEL[c.previous.kind].toLowerCase() : 'ngày'} ${when} khỏi lịch.`;
  if (!c.previous) return `Đã thêm ${KIND_LABEL[c.current.kind].toLowerCase()} ${when}.`;
  return `Đã cập nhật ${KIND_LABEL[c.current.kind].toLowerCase()} ${when}.`;
}

/** After a change: `title` (what it did), then the open cases whose stage due day moved (before → after), as the server wrote them. */
export function MovedDueDays({ title, change }: { title: string; change: MovedDueDaysView }) {
  const more = change.movedCaseCount - change.movedCases.length;
  return (
    <section className="panel moved-due-days" aria-labelledby="moved-title" data-testid="calendar-change" role="status">
      <h2 id="moved-title">{title}</h2>
      {change.movedCaseCount === 0 ? (
        <p data-testid="moved-none">Không hồ sơ đang mở nào đổi hạn giai đoạn.</p>
      ) : (
        <>
          <p>
            <strong data-testid="moved-count">{fmtNumber(change.movedCaseCount)}</strong> hồ sơ đang mở đổi hạn giai đoạn:
          </p>
          <div className="table-wrap">
            <table className="stack-table" data-testid="moved-table">
              <thead>
                <tr>
                  <th scope="col">Doanh nghiệp</th>
                  <th scope="col">Giai đoạn</th>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Cán bộ phụ trách</th>
                  <th scope="col">Hạn cũ</th>
                  <th scope="col">Hạn mới</th>
                </tr>
              </thead>
              <tbody>
                {change.movedCases.map((m) => (
                  <tr key={m.case.id} data-testid="moved-row" data-case-id={m.case.id}>
                    <th scope="row" data-label="Doanh nghiệp">
                      <span className="cell">
                        <Link to={`/ho-so/${m.case.id}`}>{m.case.enterprise.name}</Link>
                        <small className="muted block">MST {m.case.enterprise.taxCode}</small>
                      </span>
                    </th>
                    <td data-label="Giai đoạn">{STAGE_LABEL[m.case.stage]}</td>
                    <td data-label="Đơn vị">{m.case.orgUnit.name}</td>
                    <td data-label="Cán bộ phụ trách">{m.case.assignee?.fullName ?? <em>Chưa phân công</em>}</td>
                    <td data-label="Hạn cũ" data-testid="moved-before">
                      <time dateTime={m.before}>{fmtDate(m.before)}</time>
                    </td>
                    <td data-label="Hạn mới" data-testid="moved-after">
                      <time dateTime={m.after}>{fmtDate(m.after)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 && <p className="muted">… và {fmtNumber(more)} hồ sơ khác (danh sách chỉ hiện những hồ sơ có hạn mới sớm nhất).</p>}
        </>
      )}
      {change.movedApplicationCount > 0 && (
        <p data-testid="moved-applications">{fmtNumber(change.movedApplicationCount)} đơn gia nhập trực tiếp đổi hạn xét.</p>
      )}
    </section>
  );
}
