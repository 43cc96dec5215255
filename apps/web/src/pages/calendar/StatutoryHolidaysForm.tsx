import { useMemo, useState } from 'react';
import { addDays } from '@app/domain/calendar-days';
import { lunarNewYear } from '@app/domain/lunar-calendar';
import { type NationalDayExtra, nationalDayExtraOf, statutoryDaysOff, tetStartOf } from '@app/domain/statutory-holidays';
import { gql } from '../../api';
import { fmtDate } from '../../i18n';
import { CALENDAR, type CalendarDaysChange } from '../../queries-calendar';
import { CheckboxField, SelectField } from '../../ui/fields';
import { ActionForm } from '../../ui/forms';
import { weekdayOf } from './calendar-text';

const NOTE_MAX = 200;

/**
 * "Tạo ngày nghỉ lễ theo Bộ luật Lao động cho năm …" (docs/architecture.md#the-working-day-calendar-and-due-days):
 * the year's holidays by the statute as weekdays off, computed in the browser by the domain's rules (the
 * lunar dates included), the days the government sets each year (the Tết span, the day next to 2/9,
 * 24/11) marked as proposals. The admin picks the Tết span and the day next to 2/9, leaves out or
 * renames any day, and saves them all at once (saveCalendarDays: one transaction, due days moved once).
 */
export function StatutoryHolidaysForm(p: { year: number; onSaved: (c: CalendarDaysChange, count: number) => void; onCancel: () => void }) {
  const newYear = lunarNewYear(p.year);
  const [extra, setExtra] = useState<NationalDayExtra>(() => nationalDayExtraOf(p.year));
  const [tetStart, setTetStart] = useState(() => tetStartOf(p.year));
  const [cultureDay, setCultureDay] = useState(p.year >= 2026);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [notes, setNotes] = useState<Readonly<Record<string, string>>>({});

  const proposed = useMemo(() => statutoryDaysOff(p.year, { nationalDayExtra: extra, tetStart, cultureDay }), [p.year, extra, tetStart, cultureDay]);
  const chosen = proposed.filter((d) => !left.has(d.day));
  const noteOf = (day: string, note: string) => notes[day] ?? note;

  const tetOptions = [-3, -2, -1, 0].map((offset) => {
    const start = addDays(newYear, offset);
    const before = -offset;
    return {
      value: start,
      label: `Từ ${weekdayOf(start)} ${fmtDate(start)} đến ${fmtDate(addDays(start, 4))} (${before ? `${before} ngày trước` : 'từ'} mùng 1${before === 1 ? ', đề xuất' : ''})`,
    };
  });

  return (
    <ActionForm
      title={`Tạo ngày nghỉ lễ theo Bộ luật Lao động cho năm ${p.year}`}
      submitLabel={`Lưu ${chosen.length} ngày nghỉ vào lịch năm ${p.year}`}
      testId="statutory-form"
      className="statutory-form"
      actions={
        <button type="button" className="btn btn-secondary" onClick={p.onCancel} data-testid="statutory-cancel">
          Đóng
        </button>
      }
      onSubmit={async () => {
        const days = chosen.map((d) => ({ day: d.day, kind: 'DAY_OFF' as const, note: noteOf(d.day, d.note).trim(), document: d.document }));
        const r = await gql(CALENDAR.saveMany, { i: { days } });
        p.onSaved(r.saveCalendarDays, days.length);
      }}
    >
      <p className="muted">
        Bộ luật Lao động 2019, Điều 112: Tết Dương lịch 1/1, Tết Âm lịch 5 ngày, 30/4, 1/5, Quốc khánh 2/9 và 01 ngày liền kề, Giỗ Tổ Hùng Vương 10/3 âm lịch
        (mùng 1 Tết năm {p.year}: {weekdayOf(newYear)} {fmtDate(newYear)}). Ngày lễ trùng thứ Bảy, Chủ nhật được nghỉ bù vào ngày làm việc kế tiếp (Điều 111
        khoản 3). Những ngày <strong>đề xuất</strong> do Thủ tướng quyết định hằng năm: hãy đối chiếu thông báo nghỉ lễ, Tết trước khi lưu. Ngày hoán đổi và làm
        bù (nếu có) thêm riêng ở mẫu trên.
      </p>
      <div className="grid-2">
        <SelectField
          label="5 ngày Tết Nguyên đán (đề xuất)"
          name="tetStart"
          testId="statutory-tet"
          value={tetStart}
          onChange={setTetStart}
          options={tetOptions}
        />
        <SelectField
          label="Ngày liền kề Quốc khánh 2/9 (đề xuất)"
          name="nationalDayExtra"
          testId="statutory-national-day"
          value={extra}
          onChange={setExtra}
          options={[
            { value: 'BEFORE', label: `Ngày liền trước: ${weekdayOf(`${p.year}-09-01`)} 01/09` },
            { value: 'AFTER', label: `Ngày liền sau: ${weekdayOf(`${p.year}-09-03`)} 03/09` },
          ]}
        />
      </div>
      <CheckboxField
        label="Ngày Văn hóa Việt Nam 24/11 (đề xuất, cần đối chiếu văn bản)"
        name="cultureDay"
        testId="statutory-culture-day"
        checked={cultureDay}
        onChange={setCultureDay}
      />
      <div className="table-wrap">
        <table className="stack-table calendar-table" data-testid="statutory-table">
          <thead>
            <tr>
              <th scope="col">Lưu</th>
              <th scope="col">Ngày</th>
              <th scope="col">Thứ</th>
              <th scope="col">Ghi chú</th>
              <th scope="col">Căn cứ</th>
            </tr>
          </thead>
          <tbody>
            {proposed.map((d) => {
              const note = noteOf(d.day, d.note);
              return (
                <tr key={d.day} data-testid="statutory-row" data-day={d.day} data-proposal={d.proposal}>
                  <td data-label="Lưu">
                    <input
                      type="checkbox"
                      aria-label={`Lưu ngày ${fmtDate(d.day)}`}
                      checked={!left.has(d.day)}
                      onChange={(e) =>
                        setLeft((s) => {
                          const next = new Set(s);
                          if (e.target.checked) next.delete(d.day);
                          else next.add(d.day);
                          return next;
                        })
                      }
                      data-testid="statutory-keep"
                    />
                  </td>
                  <th scope="row" data-label="Ngày">
                    <time dateTime={d.day}>{fmtDate(d.day)}</time>
                  </th>
                  <td data-label="Thứ">{weekdayOf(d.day)}</td>
                  <td data-label="Ghi chú">
                    <input
                      type="text"
                      className="input-inline"
                      aria-label={`Ghi chú ngày ${fmtDate(d.day)}`}
                      value={note}
                      maxLength={NOTE_MAX}
                      onChange={(e) => setNotes((n) => ({ ...n, [d.day]: e.target.value }))}
                      data-testid="statutory-note"
                    />
                    {d.proposal && (
                      <span className="badge badge-proposal" data-testid="statutory-proposal">
                        Đề xuất, cần xác nhận
                      </span>
                    )}
                    {d.compensates && <small className="muted block">Nghỉ bù</small>}
                  </td>
                  <td data-label="Căn cứ">{d.document}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ActionForm>
  );
}
