import { gql } from '../../api';
import { CALENDAR, type CalendarWarning } from '../../queries-calendar';
import { Link } from '../../router';
import { useAsync } from '../../ui/use-async';

/**
 * The years the working-day calendar has no days off for, though due days are counted in them
 * (docs/architecture.md#the-working-day-calendar-and-due-days). On the calendar page an ADMIN gets the
 * generator of the year's holidays (`onGenerate`); on the board an ADMIN gets a link to the calendar page.
 * `reloadKey`: asked again when it changes (after a save).
 */
export function CalendarWarnings(p: { admin: boolean; onGenerate?: (year: number) => void; reloadKey?: number; generating?: number | null }) {
  const warnings = useAsync(() => gql(CALENDAR.warnings, {}), [p.reloadKey ?? 0]);
  const list: CalendarWarning[] = warnings.data?.calendarWarnings ?? [];
  if (!list.length) return null;
  return (
    <div className="calendar-warnings" data-testid="calendar-warnings">
      {list.map((w) => (
        <div key={w.year} className="alert alert-warning" role="alert" data-testid="calendar-warning" data-year={w.year}>
          <p className="alert-title">{w.message}.</p>
          <p>
            {w.holdsDueDays
              ? `Hạn của hồ sơ, đơn đang mở đã tính sang năm ${w.year} coi mọi ngày lễ, Tết năm đó là ngày làm việc.`
              : `Hạn tính sang năm ${w.year} sẽ coi mọi ngày lễ, Tết năm đó là ngày làm việc.`}{' '}
            {p.admin ? '' : 'Đề nghị quản trị viên cập nhật lịch làm việc.'}
          </p>
          {p.admin &&
            p.generating !== w.year &&
            (p.onGenerate ? (
              <button type="button" className="btn btn-primary btn-small" onClick={() => p.onGenerate!(w.year)} data-testid="calendar-warning-generate">
                Tạo ngày nghỉ lễ năm {w.year}
              </button>
            ) : (
              <Link to={`/lich-lam-viec?nam=${w.year}`} className="btn btn-primary btn-small" data-testid="calendar-warning-link">
                Cập nhật lịch năm {w.year}
              </Link>
            ))}
        </div>
      ))}
    </div>
  );
}
