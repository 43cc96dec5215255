import { fmtDate } from '../../i18n';
import type { CalendarDay } from '../../queries-calendar';
import { KIND_LABEL, weekdayOf } from './calendar-text';

/** A year's days off and make-up working days; an ADMIN edits or removes each. */
export function CalendarTable(p: { days: CalendarDay[]; year: number; admin: boolean; onEdit: (d: CalendarDay) => void; onRemove: (d: CalendarDay) => void }) {
  if (p.days.length === 0) {
    return (
      <p className="empty-state" data-testid="calendar-empty">
        Năm {p.year} chưa có ngày nghỉ lễ, Tết hay ngày làm bù nào trong lịch. Khi có thông báo nghỉ lễ của năm, hãy thêm từng ngày ở trên.
      </p>
    );
  }
  const off = p.days.filter((d) => d.kind === 'DAY_OFF').length;
  return (
    <>
      <p className="muted" data-testid="calendar-summary">
        Năm {p.year}: {off} ngày nghỉ (ngoài thứ Bảy, Chủ nhật) và {p.days.length - off} ngày làm bù.
      </p>
      <div className="table-wrap">
        <table className="stack-table calendar-table" data-testid="calendar-table">
          <thead>
            <tr>
              <th scope="col">Ngày</th>
              <th scope="col">Thứ</th>
              <th scope="col">Loại</th>
              <th scope="col">Ghi chú</th>
              <th scope="col">Văn bản công bố</th>
              {p.admin && (
                <th scope="col">
                  <span className="sr-only">Thao tác</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {p.days.map((d) => (
              <tr key={d.day} data-testid="calendar-row" data-day={d.day} data-kind={d.kind}>
                <th scope="row" data-label="Ngày">
                  <time dateTime={d.day}>{fmtDate(d.day)}</time>
                </th>
                <td data-label="Thứ">{weekdayOf(d.day)}</td>
                <td data-label="Loại">
                  <span className={`badge ${d.kind === 'DAY_OFF' ? 'badge-day-off' : 'badge-make-up'}`}>{KIND_LABEL[d.kind]}</span>
                </td>
                <td data-label="Ghi chú">{d.note ?? '—'}</td>
                <td data-label="Văn bản công bố">{d.document ?? '—'}</td>
                {p.admin && (
                  <td data-label="Thao tác" className="row-actions">
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => p.onEdit(d)} data-testid="calendar-edit">
                      Sửa
                    </button>
                    <button type="button" className="btn btn-danger btn-small" onClick={() => p.onRemove(d)} data-testid="calendar-remove">
                      Xoá
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
