import { M } from '../../queries';
import { DateField, NumberField, TextArea, TextField } from '../../ui/fields';
import { day, lines, num, todayVn } from '../../ui/form-values';
import { useForm } from '../../ui/forms';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** FOUNDING_CEREMONY: the founding congress, and the day the recognition dossier was completed. */
export function CongressForm(props: CaseFormProps) {
  const f = useForm({ heldOn: todayVn(), attendees: '', executiveCommittee: '', chairName: '', dossierCompletedOn: todayVn() });
  return (
    <CaseMutationForm
      {...props}
      form={f}
      title="Ghi đại hội thành lập"
      submitLabel="Lưu đại hội thành lập"
      testId="form-congress"
      mutation={M.congress}
      done="Đã ghi đại hội thành lập và hồ sơ đề nghị công nhận."
      input={() => ({
        heldOn: day(f.values.heldOn),
        attendees: num(f.values.attendees),
        executiveCommittee: lines(f.values.executiveCommittee),
        chairName: f.values.chairName,
        dossierCompletedOn: day(f.values.dossierCompletedOn),
      })}
    >
      <DateField label="Ngày tổ chức đại hội" required notAfterToday testId="congress-day" {...f.field('heldOn')} />
      <NumberField label="Số người dự" required min={1} testId="congress-attendees" {...f.field('attendees')} />
      <TextArea label="Ban chấp hành lâm thời" required testId="congress-committee" hint="Mỗi dòng một người" {...f.field('executiveCommittee')} />
      <TextField label="Chủ tịch" required testId="congress-chair" {...f.field('chairName')} />
      <DateField label="Ngày hoàn thiện hồ sơ" required notAfterToday testId="congress-dossier-day" {...f.field('dossierCompletedOn')} />
    </CaseMutationForm>
  );
}
