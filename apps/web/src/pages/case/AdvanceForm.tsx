import { STAGE_LABEL } from '../../i18n';
import { M } from '../../queries';
import { CaseStage, nextStage } from '../../stages';
import { TextArea } from '../../ui/fields';
import { useForm } from '../../ui/forms';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** Moves an open case to the stage the domain's graph advances it to; the API checks the exit requirements. */
export function AdvanceForm(props: CaseFormProps) {
  const { c } = props;
  const f = useForm({ comment: '' });
  const next = nextStage(c.stage);
  if (!next) return null;
  const completes = next === CaseStage.RECOGNIZED;
  return (
    <CaseMutationForm
      {...props}
      form={f}
      title="Chuyển giai đoạn"
      submitLabel={completes ? 'Hoàn tất: công nhận CĐCS' : `Chuyển sang «${STAGE_LABEL[next]}»`}
      testId="form-advance"
      mutation={M.advance}
      done={completes ? 'Đã công nhận công đoàn cơ sở.' : `Đã chuyển sang giai đoạn «${STAGE_LABEL[next]}».`}
      input={() => ({ comment: f.values.comment.trim() || null })}
    >
      <p className="muted">
        Từ «{STAGE_LABEL[c.stage]}» sang «{STAGE_LABEL[next]}». Hệ thống kiểm tra điều kiện của giai đoạn hiện tại.
      </p>
      <TextArea label="Ghi chú (không bắt buộc)" rows={2} {...f.field('comment')} />
    </CaseMutationForm>
  );
}
