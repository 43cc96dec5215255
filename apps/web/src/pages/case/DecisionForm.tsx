import { M } from '../../queries';
import { DateField, TextField } from '../../ui/fields';
import { day, todayVn } from '../../ui/form-values';
import { useForm } from '../../ui/forms';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** RECOGNITION_DECISION (supervisors): the upper-level union's decision recognizing the new union. */
export function DecisionForm(props: CaseFormProps) {
  const f = useForm({ decisionNumber: '', decidedOn: todayVn(), signedBy: '', grassrootsUnionName: `Công đoàn cơ sở ${props.c.enterprise.name}` });
  return (
    <CaseMutationForm
      {...props}
      form={f}
      title="Ghi quyết định công nhận"
      submitLabel="Lưu quyết định"
      testId="form-decision"
      mutation={M.decision}
      done="Đã ghi quyết định công nhận. Chuyển giai đoạn để hoàn tất việc thành lập."
      input={() => ({
        decisionNumber: f.values.decisionNumber,
        decidedOn: day(f.values.decidedOn),
        signedBy: f.values.signedBy,
        grassrootsUnionName: f.values.grassrootsUnionName,
      })}
    >
      <TextField label="Số quyết định" required testId="decision-number" placeholder="VD: 45/QĐ-CĐN" {...f.field('decisionNumber')} />
      <DateField label="Ngày quyết định" required notAfterToday testId="decision-day" {...f.field('decidedOn')} />
      <TextField label="Người ký" required {...f.field('signedBy')} />
      <TextField label="Tên công đoàn cơ sở" required {...f.field('grassrootsUnionName')} />
    </CaseMutationForm>
  );
}
