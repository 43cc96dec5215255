import { useEffect } from 'react';
import { calendarDayProblems } from '@app/domain/calendar-day-rules';
import { isIsoDate } from '@app/domain/calendar-days';
import { gql } from '../../api';
import { fmtDate } from '../../i18n';
import { CALENDAR, type CalendarChange, type CalendarDay, type CalendarDayKind } from '../../queries-calendar';
import { DateField, SelectField, TextField } from '../../ui/fields';
import { day } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';
import { KIND_LABEL } from './calendar-text';

const EMPTY = { day: '', kind: 'DAY_OFF', note: '', document: '' };

/** The calendar's own rules (the API's, from the domain) checked before sending, so a weekday/weekend mistake shows with the rest. */
function checkDay(v: typeof EMPTY): Record<string, string | undefined> {
  const iso = day(v.day);
  if (!isIsoDate(iso)) return {};
  const problems = calendarDayProblems(
    { day: iso, kind: v.kind as CalendarDayKind, note: v.note, document: v.document, noteRequired: true },
    new Date().getFullYear(),
    true,
  );
  return Object.fromEntries(problems.map((p) => [p.field, p.message]));
}

/**
 * Adds a day to the calendar, or changes the one being edited (its date then stays): the kind, what
 * the day is, and the document that announced it. The answer (the due days it moved) goes to `onSaved`.
 */
export function CalendarDayForm({ editing, onSaved, onCancel }: { editing: CalendarDay | null; onSaved: (c: CalendarChange) => void; onCancel: () => void }) {
  const f = useForm(EMPTY, { check: checkDay });
  const { setValues, setError } = f;
  useEffect(() => {
    setValues(editing ? { day: fmtDate(editing.day), kind: editing.kind, note: editing.note ?? '', document: editing.document ?? '' } : EMPTY);
    setError(null);
  }, [editing, setValues, setError]);
  return (
    <ActionForm
      title={editing ? `Sửa ngày ${fmtDate(editing.day)}` : 'Thêm ngày nghỉ hoặc ngày làm bù'}
      submitLabel={editing ? 'Lưu thay đổi' : 'Thêm vào lịch'}
      form={f}
      testId="calendar-form"
      actions={
        editing && (
          <button type="button" className="btn btn-secondary" onClick={onCancel} data-testid="calendar-form-cancel">
            Huỷ sửa
          </button>
        )
      }
      onSubmit={async () => {
        const d = await gql(CALENDAR.save, {
          i: { day: day(f.values.day), kind: f.values.kind as CalendarDayKind, note: f.values.note, document: f.values.document.trim() || null },
        });
        onSaved(d.saveCalendarDay);
        if (!editing) setValues(EMPTY);
      }}
    >
      <div className="grid-2">
        {editing ? (
          <p className="field" data-testid="calendar-editing-day">
            Ngày: <strong>{fmtDate(editing.day)}</strong>
          </p>
        ) : (
          <DateField label="Ngày" required testId="calendar-day" {...f.field('day')} />
        )}
        <SelectField
          label="Loại ngày"
          required
          testId="calendar-kind"
          {...f.field('kind')}
          options={[
            { value: 'DAY_OFF', label: `${KIND_LABEL.DAY_OFF} (thứ Hai – thứ Sáu)` },
            { value: 'MAKE_UP_WORKING_DAY', label: `${KIND_LABEL.MAKE_UP_WORKING_DAY} (thứ Bảy, Chủ nhật)` },
          ]}
        />
        <TextField label="Ghi chú" required placeholder="Ví dụ: Tết Nguyên đán Đinh Mùi" testId="calendar-note" {...f.field('note')} />
        <TextField label="Văn bản công bố" placeholder="Ví dụ: Thông báo 6150/TB-BLĐTBXH" testId="calendar-document" {...f.field('document')} />
      </div>
    </ActionForm>
  );
}
