import { CLOSE_REASON_LABEL, optionsOf } from '../../i18n';
import { M } from '../../queries';
import { CloseReason } from '../../stages';
import { SelectField, TextArea } from '../../ui/fields';
import { useForm } from '../../ui/forms';
import { Disclosure } from '../../ui/page';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** Closes an open case (supervisors), with the reason and an explanation. */
export function CloseForm(props: CaseFormProps) {
  const f = useForm({ reason: CloseReason.WORKERS_DECLINED as CloseReason, comment: '' });
  return (
    <Disclosure summary="Đóng hồ sơ">
      <CaseMutationForm
        {...props}
        form={f}
        title="Đóng hồ sơ"
        submitLabel="Đóng hồ sơ"
        danger
        testId="form-close"
        mutation={M.close}
        done="Đã đóng hồ sơ."
        input={() => ({ reason: f.values.reason, comment: f.values.comment })}
      >
        <SelectField label="Lý do đóng" {...f.field('reason')} options={optionsOf(CLOSE_REASON_LABEL)} />
        <TextArea label="Giải trình" required rows={2} {...f.field('comment')} />
      </CaseMutationForm>
    </Disclosure>
  );
}
