import { useEffect, useState } from 'react';
import { gql } from '../api';
import { fmtDate, fmtNumber, vnYear } from '../i18n';
import { CALENDAR, type CalendarChange, type CalendarDay, type CalendarDaysChange, type MovedDueDaysView } from '../queries-calendar';
import { isAdmin, useSession } from '../session';
import { ConfirmDialog } from '../ui/dialog';
import { ErrorBox } from '../ui/errors';
import { SelectField } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';
import { CalendarDayForm } from './calendar/CalendarDayForm';
import { CalendarTable } from './calendar/CalendarTable';
import { CalendarWarnings } from './calendar/CalendarWarnings';
import { MovedDueDays, changeSummary } from './calendar/MovedDueDays';
import { StatutoryHolidaysForm } from './calendar/StatutoryHolidaysForm';
import { weekdayOf } from './calendar/calendar-text';

export const CALENDAR_PATH = '/lich-lam-viec';

/**
 * Lịch làm việc: a year's public-sector days off and make-up working days, which the due days of the
 * cases are counted with. ADMINs add, change and remove days (with the announcing document) and see
 * which open cases' due days each change moved. A year without days off is warned of (CalendarWarnings), and
 * an ADMIN can generate its Labour Code holidays (StatutoryHolidaysForm). The year lives in the page's address.
 */
export function CalendarPage() {
  const { me } = useSession();
  const admin = isAdmin(me);
  const [year, setYear] = useState(() => Number(new URLSearchParams(location.search).get('nam')) || vnYear());
  const data = useAsync(() => gql(CALENDAR.days, { y: year }), [year]);
  const [editing, setEditing] = useState<CalendarDay | null>(null);
  const [removing, setRemoving] = useState<CalendarDay | null>(null);
  const [change, setChange] = useState<{ title: string; moved: MovedDueDaysView } | null>(null);
  const [generating, setGenerating] = useState(false);
  const [warningsKey, setWarningsKey] = useState(0);
  const removal = useAction();

  useEffect(() => {
    history.replaceState(null, '', `${CALENDAR_PATH}?nam=${year}`);
  }, [year]);

  const saved = (c: CalendarChange) => {
    setChange({ title: changeSummary(c), moved: c });
    setEditing(null);
    data.reload();
    setWarningsKey((k) => k + 1);
  };
  const generated = (c: CalendarDaysChange, count: number) => {
    const title =
      c.changedDayCount === 0
        ? `Lịch năm ${year} đã có đủ ${fmtNumber(count)} ngày này: không có gì thay đổi.`
        : `Đã lưu ${fmtNumber(c.changedDayCount)} ngày nghỉ lễ năm ${year} theo Bộ luật Lao động.`;
    setChange({ title, moved: c });
    setGenerating(false);
    data.reload();
    setWarningsKey((k) => k + 1);
  };
  const years = data.data?.calendarYears ?? [year];
  const noDaysOff = !!data.data && data.data.calendarDays.every((d) => d.kind !== 'DAY_OFF') && years.includes(year);

  return (
    <section aria-labelledby="calendar-title" data-testid="calendar-page">
      <PageTitle sub="Ngày nghỉ lễ, Tết và ngày làm bù của cán bộ, công chức; thứ Bảy, Chủ nhật là ngày nghỉ. Hạn xử lý hồ sơ được tính theo ngày làm việc của lịch này.">
        <span id="calendar-title">Lịch làm việc</span>
      </PageTitle>

      <form className="filters" aria-label="Chọn năm" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Năm"
          name="year"
          testId="calendar-year"
          value={String(year)}
          onChange={(v) => {
            setYear(Number(v));
            setEditing(null);
            setGenerating(false);
          }}
          options={(years.includes(year) ? years : [...years, year].sort()).map((y) => ({ value: String(y), label: String(y) }))}
        />
      </form>

      <CalendarWarnings
        admin={admin}
        reloadKey={warningsKey}
        generating={generating ? year : null}
        onGenerate={(y) => {
          setYear(y);
          setEditing(null);
          setGenerating(true);
        }}
      />

      {change && <MovedDueDays title={change.title} change={change.moved} />}

      {admin && noDaysOff && !generating && (
        <p>
          <button type="button" className="btn btn-primary" onClick={() => setGenerating(true)} data-testid="statutory-open">
            Tạo ngày nghỉ lễ theo Bộ luật Lao động cho năm {year}
          </button>
        </p>
      )}
      {admin && generating && <StatutoryHolidaysForm key={year} year={year} onSaved={generated} onCancel={() => setGenerating(false)} />}

      {admin && <CalendarDayForm editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />}

      <ErrorBox error={data.error} />
      {data.loading && !data.data && <Loading what="lịch làm việc" />}
      {data.data && (
        <CalendarTable
          days={data.data.calendarDays}
          year={year}
          admin={admin}
          onEdit={(d) => {
            setEditing(d);
            document.querySelector('[data-testid="calendar-form"]')?.scrollIntoView({ block: 'start' });
          }}
          onRemove={setRemoving}
        />
      )}

      <ConfirmDialog
        open={removing !== null}
        title={removing ? `Xoá ngày ${fmtDate(removing.day)} khỏi lịch?` : ''}
        confirmLabel="Xoá khỏi lịch"
        danger
        busy={removal.busy !== null}
        error={removal.error}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removal.run(true, async () => {
            if (!removing) return;
            const d = await gql(CALENDAR.remove, { d: removing.day });
            setRemoving(null);
            saved(d.removeCalendarDay);
          })
        }
      >
        {removing && (
          <p>
            {weekdayOf(removing.day)} {fmtDate(removing.day)} ({removing.note ?? 'không ghi chú'}) sẽ trở lại là ngày{' '}
            {removing.kind === 'DAY_OFF' ? 'làm việc' : 'nghỉ cuối tuần'}. Hạn giai đoạn của các hồ sơ đang mở sẽ được tính lại.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
