import { M } from '../../queries';
import { DateField, NumberField, TextArea } from '../../ui/fields';
import { day, num, todayVn } from '../../ui/form-values';
import { useForm } from '../../ui/forms';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** OUTREACH: one session of outreach to the workers. */
export function OutreachForm(props: CaseFormProps) {
  const f = useForm({ heldOn: todayVn(), workersReached: '', workersInterested: '', note: '' });
  return (
    <CaseMutationForm
      {...props}
      form={f}
      title="Ghi buổi tuyên truyền vận động"
      submitLabel="Lưu buổi tuyên truyền"
      testId="form-outreach"
      mutation={M.outreach}
      done="Đã ghi buổi tuyên truyền vận động."
      input={() => ({
        heldOn: day(f.values.heldOn),
        workersReached: num(f.values.workersReached),
        workersInterested: num(f.values.workersInterested),
        note: f.values.note || null,
      })}
    >
      <DateField label="Ngày tổ chức" required {...f.field('heldOn')} />
      <NumberField label="Số lao động được tuyên truyền" required min={0} {...f.field('workersReached')} />
      <NumberField label="Số lao động quan tâm" required min={0} {...f.field('workersInterested')} />
      <TextArea label="Ghi chú" rows={2} {...f.field('note')} />
    </CaseMutationForm>
  );
}
