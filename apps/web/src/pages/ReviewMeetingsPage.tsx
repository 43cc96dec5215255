import { useMemo, useState } from 'react';
import { gql } from '../api';
import { fmtDate, vnYear } from '../i18n';
import { MEETINGS_PATH, MEETING_STATUS_LABEL, MONTHLY_RULE_LABEL } from '../i18n-meetings';
import type { OrgUnit } from '../queries';
import { MEETINGS } from '../queries-meetings';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorBox } from '../ui/errors';
import { DateField, NumberField, SelectField, TextField } from '../ui/fields';
import { day, num } from '../ui/form-values';
import { ActionForm, useForm } from '../ui/forms';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { useUnitUsers, useUnits } from '../units';
import type { MonthlyMeetingRule } from '../generated/graphql';

/**
 * Giao ban: a unit's review meetings of a year. Supervisors schedule one meeting or the whole year's monthly ones in
 * one step; each row opens the meeting page (docs/architecture.md#review-meetings).
 */
export function ReviewMeetingsPage() {
  const { me, sup } = useSession();
  const thisYear = vnYear();
  const [year, setYear] = useState(thisYear);
  const units = useUnits();
  const options: OrgUnit[] = useMemo(() => {
    const all = units.data ?? [];
    return sup ? all : all.filter((u) => u.id === me.orgUnit.id);
  }, [units.data, sup, me.orgUnit.id]);
  const [unitId, setUnitId] = useState(me.orgUnit.id);
  const list = useAsync(async () => (await gql(MEETINGS.list, { u: unitId, y: year })).reviewMeetings, [unitId, year]);
  const unit = options.find((u) => u.id === unitId) ?? me.orgUnit;

  return (
    <section aria-labelledby="meetings-title" data-testid="meetings-page">
      <PageTitle sub="Lịch giao ban của đơn vị: chốt số liệu tại cuộc họp, ghi biên bản và việc cần làm, theo dõi thay đổi giữa các kỳ.">
        <span id="meetings-title">Giao ban</span>
      </PageTitle>
      <form className="filters" aria-label="Chọn đơn vị và năm" onSubmit={(e) => e.preventDefault()}>
        {options.length > 1 && (
          <SelectField label="Đơn vị" name="unit" value={unitId} onChange={setUnitId} options={options.map((u) => ({ value: u.id, label: u.name }))} />
        )}
        <SelectField
          label="Năm"
          name="year"
          testId="meetings-year"
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))}
        />
      </form>

      {sup && <MonthlyForm unit={unit} year={year} onSaved={list.reload} />}
      {sup && <OneMeetingForm unit={unit} onSaved={list.reload} />}

      <h2>
        Các cuộc giao ban năm {year} — {unit.name}
      </h2>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading what="lịch giao ban" />}
      {list.data && list.data.length === 0 && (
        <p className="empty-state" data-testid="meetings-empty">
          Chưa có cuộc giao ban nào trong năm {year}.{sup ? ' Hãy lên lịch giao ban hằng tháng ở trên.' : ''}
        </p>
      )}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table" data-testid="meetings-table">
            <thead>
              <tr>
                <th scope="col">Ngày</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Chủ trì</th>
                <th scope="col">Tình trạng</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((m) => (
                <tr key={m.id} data-testid="meeting-row" data-status={m.status} data-day={m.day}>
                  <th scope="row" data-label="Ngày">
                    <Link to={`${MEETINGS_PATH}/${m.id}`} data-testid="meeting-link">
                      {fmtDate(m.day)}
                    </Link>
                  </th>
                  <td data-label="Nội dung">{m.title ?? 'Giao ban định kỳ'}</td>
                  <td data-label="Chủ trì">{m.chairName}</td>
                  <td data-label="Tình trạng">
                    <span className={`badge badge-meeting-${m.status.toLowerCase()}`}>{MEETING_STATUS_LABEL[m.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The people who may chair: the unit's active officers and supervisors (the caller first when it is one). */
function useChairs(unit: Pick<OrgUnit, 'id'>) {
  const { me } = useSession();
  const users = useUnitUsers([unit]);
  return useMemo(() => {
    const list = (users.data ?? []).filter((u) => u.role === 'SUPERVISOR' || u.role === 'OFFICER');
    const mine = list.find((u) => u.id === me.id);
    return [...(mine ? [mine] : []), ...list.filter((u) => u.id !== me.id)].map((u) => ({ value: u.id, label: u.fullName }));
  }, [users.data, me.id]);
}

function MonthlyForm({ unit, year, onSaved }: { unit: OrgUnit | { id: string; name: string }; year: number; onSaved: () => void }) {
  const chairs = useChairs(unit);
  const f = useForm({ rule: 'DAY_OF_MONTH', dayOfMonth: '5', chairId: '', title: 'Giao ban định kỳ hằng tháng' });
  const chairId = f.values.chairId || chairs[0]?.value || '';
  return (
    <Disclosure summary={`Lên lịch giao ban hằng tháng năm ${year}`} testId="monthly-disclosure">
      <ActionForm
        title={`Lên lịch giao ban hằng tháng năm ${year}`}
        submitLabel="Tạo lịch cả năm"
        form={f}
        testId="form-monthly"
        onSubmit={async () => {
          const d = await gql(MEETINGS.monthly, {
            i: {
              orgUnitId: unit.id,
              year,
              chairId,
              rule: f.values.rule as MonthlyMeetingRule,
              dayOfMonth: f.values.rule === 'DAY_OF_MONTH' ? num(f.values.dayOfMonth) : null,
              title: f.values.title || null,
            },
          });
          onSaved();
          const n = d.scheduleMonthlyReviewMeetings.length;
          return n ? `Đã lên lịch ${n} cuộc giao ban (ngày nghỉ được dời sang ngày làm việc).` : 'Các tháng còn lại của năm đều đã có lịch giao ban.';
        }}
      >
        <SelectField
          label="Cách xếp lịch"
          name="rule"
          value={f.values.rule}
          onChange={f.set('rule')}
          options={Object.entries(MONTHLY_RULE_LABEL).map(([value, label]) => ({ value, label }))}
        />
        {f.values.rule === 'DAY_OF_MONTH' && (
          <NumberField
            label="Ngày trong tháng"
            {...f.field('dayOfMonth')}
            min={1}
            hint="Trùng ngày nghỉ thì dời sang ngày làm việc kế tiếp trong tháng (hết tháng thì lùi về ngày làm việc trước đó)"
            testId="monthly-day"
          />
        )}
        <SelectField label="Người chủ trì" name="chairId" value={chairId} onChange={f.set('chairId')} options={chairs} />
        <TextField label="Tiêu đề" {...f.field('title')} />
      </ActionForm>
    </Disclosure>
  );
}

function OneMeetingForm({ unit, onSaved }: { unit: OrgUnit | { id: string; name: string }; onSaved: () => void }) {
  const chairs = useChairs(unit);
  const f = useForm({ day: '', chairId: '', title: '' });
  const chairId = f.values.chairId || chairs[0]?.value || '';
  return (
    <Disclosure summary="Lên lịch một cuộc giao ban" testId="one-meeting-disclosure">
      <ActionForm
        title="Lên lịch một cuộc giao ban"
        submitLabel="Lên lịch"
        form={f}
        testId="form-meeting"
        onSubmit={async () => {
          const d = await gql(MEETINGS.schedule, { i: { orgUnitId: unit.id, day: day(f.values.day), chairId, title: f.values.title || null } });
          onSaved();
          return `Đã lên lịch giao ban ngày ${fmtDate(d.scheduleReviewMeeting.day)}.`;
        }}
      >
        <DateField label="Ngày họp" {...f.field('day')} required testId="meeting-day" />
        <SelectField label="Người chủ trì" name="chairId" value={chairId} onChange={f.set('chairId')} options={chairs} />
        <TextField label="Tiêu đề" {...f.field('title')} />
      </ActionForm>
    </Disclosure>
  );
}
