import { NULLABLE_INDICATORS, returnSubmitTooEarly } from '@app/domain/statistics-return';
import { gql } from '../../api';
import type { ReturnDetailFragment, ReturnFigureValuesFragment } from '../../generated/graphql';
import { fmtNumber, vnToday } from '../../i18n';
import { FigureKey, INDICATORS, INDICATOR_LABEL } from '../../i18n-returns';
import { RETURNS } from '../../queries-returns';
import { NumberField, TextArea } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { useAction } from '../../ui/use-action';
import { LEFT, STALE } from './return-constants';

type FormValues = Record<FigureKey, string> & { note: string };

/** A figure as typed in the form: a blank union-groups figure (none kept) is empty, not "null". */
const shown = (n: number | null | undefined): string => (n == null ? '' : String(n));
const nullable = (k: FigureKey): boolean => (NULLABLE_INDICATORS as readonly string[]).includes(k);

/** The CĐCS's figures prefilled from the register: adjusted with a note, saved, submitted (saved first when changed). */
export function ReturnForm({ r, onDone }: { r: ReturnDetailFragment; onDone: (message: string) => void }) {
  const initial = { ...Object.fromEntries(INDICATORS.map((k) => [k, shown(r.figures[k])])), note: r.note ?? '' } as FormValues;
  const form = useForm<FormValues>(initial);
  const submit = useAction(form);
  const v = form.values;
  const figures = () => Object.fromEntries(INDICATORS.map((k) => [k, nullable(k) && !v[k].trim() ? null : Number(v[k])])) as ReturnFigureValuesFragment;
  const n = (k: FigureKey) => Number(v[k]) || 0;
  const expectedEnd = n('membersAtStart') + n('admitted') + n('transferredIn') - LEFT.reduce((s, k) => s + n(k), 0);
  const changed = INDICATORS.filter((k) => v[k].trim() !== shown(r.prefill[k]));
  const unsaved = !r.id || INDICATORS.some((k) => v[k].trim() !== shown(r.figures[k])) || v.note.trim() !== (r.note ?? '');
  // Before the reference day a draft may be saved but not submitted (the API refuses it too).
  const tooEarly = returnSubmitTooEarly(r.referenceDay, vnToday());
  const save = async () =>
    (
      await gql(RETURNS.save, {
        i: { grassrootsUnionId: r.grassrootsUnionId, kind: r.kind, year: r.year, version: r.version, figures: figures(), note: v.note.trim() || null },
      })
    ).saveStatisticsReturn;
  const field = (k: FigureKey) => ({
    ...form.field(k),
    name: `figures.${k}`,
    label: INDICATOR_LABEL[k],
    min: 0,
    required: !nullable(k),
    testId: `figure-${k}`,
    hint: v[k].trim() !== shown(r.prefill[k]) ? `Theo sổ: ${fmtNumber(r.prefill[k])}` : nullable(k) ? 'Để trống khi CĐCS không lập tổ công đoàn' : undefined,
  });
  return (
    <ActionForm
      title="Số liệu báo cáo"
      submitLabel="Lưu"
      form={form}
      testId="return-form"
      conflict={STALE}
      onSubmit={async () => {
        await save();
        onDone('Đã lưu báo cáo (chưa gửi cấp trên)');
      }}
      actions={
        <button
          type="button"
          className="btn btn-primary"
          data-testid="return-submit"
          disabled={submit.busy !== null || tooEarly !== null}
          title={tooEarly ?? undefined}
          onClick={() =>
            submit.run(true, async () => {
              let { id, version } = r;
              if (unsaved) ({ id, version } = await save());
              const s = (await gql(RETURNS.submit, { i: { id: id!, version } })).submitStatisticsReturn;
              onDone(s.late ? 'Đã gửi báo cáo cho công đoàn cấp trên (sau hạn nộp)' : 'Đã gửi báo cáo cho công đoàn cấp trên');
            })
          }
        >
          {submit.busy ? 'Đang gửi…' : r.status === 'SENT_BACK' ? 'Gửi lại cấp trên' : 'Gửi cấp trên'}
        </button>
      }
    >
      {tooEarly && (
        <p className="alert alert-info" role="note" data-testid="return-too-early">
          {tooEarly}; có thể lưu bản nháp trước.
        </p>
      )}
      <p className="muted small">
        Số liệu được điền sẵn từ sổ đoàn viên tính đến ngày chốt. Có thể điều chỉnh; khi khác sổ, cần ghi chú lý do. Sau khi gửi, báo cáo chỉ xem, không sửa
        được (trừ khi cấp trên trả lại).
      </p>
      <fieldset className="return-fields">
        <legend>Đầu kỳ và tăng</legend>
        <div className="grid-3">
          {(['membersAtStart', 'admitted', 'transferredIn'] as FigureKey[]).map((k) => (
            <NumberField key={k} {...field(k)} />
          ))}
        </div>
      </fieldset>
      <fieldset className="return-fields">
        <legend>Giảm trong kỳ</legend>
        <div className="grid-3">
          {LEFT.map((k) => (
            <NumberField key={k} {...field(k)} />
          ))}
        </div>
      </fieldset>
      <fieldset className="return-fields">
        <legend>Cuối kỳ</legend>
        <div className="grid-3">
          {(['membersAtEnd', 'womenMembers', 'staffNotMembers'] as FigureKey[]).map((k) => (
            <NumberField key={k} {...field(k)} />
          ))}
        </div>
        <p className={`small ${expectedEnd !== n('membersAtEnd') ? 'field-error' : 'muted'}`} data-testid="return-balance">
          Đầu kỳ + kết nạp + chuyển đến − giảm = {fmtNumber(expectedEnd)}
          {expectedEnd !== n('membersAtEnd') && ' (khác số đoàn viên cuối kỳ)'}
        </p>
      </fieldset>
      <fieldset className="return-fields">
        <legend>Giới thiệu cho Đảng và tổ công đoàn</legend>
        <div className="grid-3">
          {(['partyRecommended', 'partyAdmitted', 'unionGroups'] as FigureKey[]).map((k) => (
            <NumberField key={k} {...field(k)} />
          ))}
        </div>
      </fieldset>
      <TextArea
        {...form.field('note')}
        label="Ghi chú điều chỉnh"
        testId="return-note-input"
        hint={
          changed.length
            ? `Cần ghi lý do: số liệu khác sổ ở ${changed.map((k) => INDICATOR_LABEL[k].toLowerCase()).join(', ')}`
            : 'Chỉ cần khi số liệu khác sổ đoàn viên'
        }
      />
    </ActionForm>
  );
}
