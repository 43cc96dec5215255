import { isMonthDay } from '@app/domain/return-settings';
import { gql } from '../../api';
import type { ReturnSettingsDetailFragment } from '../../generated/graphql';
import { fmtDateTime } from '../../i18n';
import { monthDay, parseMonthDay } from '../../i18n-returns';
import { RETURNS } from '../../queries-returns';
import { useAction } from '../../ui/use-action';
import { ErrorBox, Notice } from '../../ui/errors';
import { NumberField, TextField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { num } from '../../ui/form-values';
import { Disclosure, Loading } from '../../ui/page';
import { useAsync } from '../../ui/use-async';

/** dd/mm typed: what is wrong with it, in the API's words. */
const monthDayProblem = (text: string, label: string): string | undefined =>
  text.trim() && !isMonthDay(parseMonthDay(text)) ? `${label} phải là một ngày có trong mọi năm, dạng ngày/tháng (ví dụ 31/05)` : undefined;

/**
 * The return periods' settings of the caller's unit (SUPERVISOR, ADMIN): the reference days (default 31/5 and 30/11,
 * QĐ 1454/QĐ-TLĐ), the due day and the reminder in working days; where they come from; back to the level above's.
 */
export function ReturnSettingsPanel({ unitId, onSaved }: { unitId: string; onSaved: () => void }) {
  const q = useAsync(async () => (await gql(RETURNS.settings, { u: unitId })).statisticsReturnSettings, [unitId]);
  const s = q.data;
  return (
    <Disclosure summary="Thiết lập kỳ báo cáo" testId="return-settings">
      <ErrorBox error={q.error} onReload={q.reload} />
      {q.loading && !s && <Loading what="thiết lập" />}
      {s && (
        <SettingsForm
          key={s.fromOrgUnitId ?? 'defaults'}
          s={s}
          onSaved={() => {
            q.reload();
            onSaved();
          }}
        />
      )}
    </Disclosure>
  );
}

function SettingsForm({ s, onSaved }: { s: ReturnSettingsDetailFragment; onSaved: () => void }) {
  const form = useForm({
    halfYearDay: monthDay(s.halfYearDay),
    yearDay: monthDay(s.yearDay),
    dueWorkingDays: String(s.dueWorkingDays),
    reminderWorkingDays: String(s.reminderWorkingDays),
  });
  const inherit = useAction();
  const own = s.fromOrgUnitId === s.orgUnitId;
  const v = form.values;
  return (
    <>
      <p className="muted" data-testid="return-settings-source">
        {own
          ? `Thiết lập riêng của ${s.orgUnitName}${s.updatedAt ? ` (cập nhật ${fmtDateTime(s.updatedAt)})` : ''}.`
          : s.fromOrgUnitId
            ? `Đang dùng thiết lập của ${s.fromOrgUnitName}.`
            : 'Đang dùng mặc định theo QĐ 1454/QĐ-TLĐ: số liệu đến 31/05 và 30/11, hạn nộp 10 ngày làm việc sau ngày chốt.'}{' '}
        Các CĐCS trực thuộc dùng thiết lập này, trừ khi đơn vị cấp dưới đặt riêng. Báo cáo đã gửi giữ hạn nộp lúc gửi.
      </p>
      <ActionForm
        title="Đặt kỳ báo cáo cho đơn vị"
        submitLabel="Lưu thiết lập"
        form={form}
        testId="return-settings-form"
        onSubmit={async () => {
          await gql(RETURNS.saveSettings, {
            i: {
              orgUnitId: s.orgUnitId,
              halfYearDay: parseMonthDay(v.halfYearDay),
              yearDay: parseMonthDay(v.yearDay),
              dueWorkingDays: num(v.dueWorkingDays),
              reminderWorkingDays: num(v.reminderWorkingDays),
            },
          });
          onSaved();
          return 'Đã lưu thiết lập kỳ báo cáo';
        }}
        actions={
          own ? (
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="return-settings-inherit"
              disabled={inherit.busy !== null}
              onClick={() =>
                inherit.run(true, async () => {
                  await gql(RETURNS.saveSettings, { i: { orgUnitId: s.orgUnitId, inherit: true } });
                  onSaved();
                })
              }
            >
              Dùng thiết lập của cấp trên
            </button>
          ) : undefined
        }
      >
        <div className="grid-2">
          <TextField
            label="Ngày chốt số liệu 6 tháng"
            {...form.field('halfYearDay')}
            required
            placeholder="dd/mm"
            hint="Ngày/tháng, mặc định 31/05"
            testId="settings-half-year-day"
            check={() => monthDayProblem(v.halfYearDay, 'Ngày chốt số liệu 6 tháng')}
          />
          <TextField
            label="Ngày chốt số liệu năm"
            {...form.field('yearDay')}
            required
            placeholder="dd/mm"
            hint="Ngày/tháng, mặc định 30/11"
            testId="settings-year-day"
            check={() => monthDayProblem(v.yearDay, 'Ngày chốt số liệu năm')}
          />
          <NumberField
            label="Số ngày làm việc đến hạn nộp"
            {...form.field('dueWorkingDays')}
            required
            min={1}
            hint="Sau ngày chốt, 1–60"
            testId="settings-due-days"
          />
          <NumberField
            label="Số ngày làm việc nhắc trước hạn"
            {...form.field('reminderWorkingDays')}
            required
            min={0}
            hint="0–30, ít hơn số ngày đến hạn"
            testId="settings-reminder-days"
          />
        </div>
      </ActionForm>
      <ErrorBox error={inherit.error} />
      {inherit.done && <Notice>{inherit.done}</Notice>}
    </>
  );
}
