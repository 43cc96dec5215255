import { M } from '../../queries';
import { DateField, TextArea } from '../../ui/fields';
import { day, lines, todayVn } from '../../ui/form-values';
import { useForm } from '../../ui/forms';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** GUIDANCE: the mobilization committee is formed. */
export function CommitteeForm(props: CaseFormProps) {
  const f = useForm({ formedOn: todayVn(), memberNames: '' });
  return (
    <CaseMutationForm
      {...props}
      form={f}
      title="Thành lập ban vận động"
      submitLabel="Lưu ban vận động"
      testId="form-committee"
      mutation={M.committee}
      done="Đã ghi thành lập ban vận động."
      input={() => ({ formedOn: day(f.values.formedOn), memberNames: lines(f.values.memberNames) })}
    >
      <DateField label="Ngày thành lập" required notAfterToday testId="committee-day" {...f.field('formedOn')} />
      <TextArea label="Thành viên ban vận động" required testId="committee-members" hint="Mỗi dòng một người" {...f.field('memberNames')} />
    </CaseMutationForm>
  );
}
