import { STAGE_LABEL } from '../../i18n';
import { M } from '../../queries';
import { TextArea } from '../../ui/fields';
import { useForm } from '../../ui/forms';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** Reopens a closed case (supervisors): it goes back to the stage it was closed in. */
export function ReopenForm(props: CaseFormProps) {
  const { c } = props;
  const f = useForm({ comment: '' });
  return (
    <CaseMutationForm
      {...props}
      form={f}
      title="Mở lại hồ sơ"
      submitLabel={`Mở lại về «${c.closedFromStage ? STAGE_LABEL[c.closedFromStage] : 'giai đoạn trước'}»`}
      testId="form-reopen"
      mutation={M.reopen}
      done="Đã mở lại hồ sơ."
      input={() => ({ comment: f.values.comment })}
    >
      <TextArea label="Lý do mở lại" required rows={2} {...f.field('comment')} />
    </CaseMutationForm>
  );
}
