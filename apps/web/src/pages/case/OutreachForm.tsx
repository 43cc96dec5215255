import { fmtNumber } from '../../i18n';
import { M } from '../../queries';
import { DateField, NumberField, TextArea } from '../../ui/fields';
import { day, num, todayVn } from '../../ui/form-values';
import { useForm } from '../../ui/forms';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** OUTREACH: one session of outreach to the workers. */
export function OutreachForm(props: CaseFormProps) {
  const f = useForm(
    { heldOn: todayVn(), workersReached: '', workersInterested: '', note: '' },
    {
      check: (v) => {
        const [reached, interested] = [num(v.workersReached), num(v.workersInterested)];
        const over = typeof reached === 'number' && typeof interested === 'number' && interested > reached;
        return { workersInterested: over ? 'Số người quan tâm không được lớn hơn số người được tuyên truyền' : undefined };
      },
    },
  );
  // Not refused: one session may gather the workers of several enterprises, and the register's count may be old.
  const reached = num(f.values.workersReached);
  const headcount = props.c.enterprise.workerCount;
  const overHeadcount =
    typeof reached === 'number' && headcount != null && reached > headcount
      ? `Nhiều hơn số lao động đã ghi của doanh nghiệp (${fmtNumber(headcount)}): vẫn ghi được nếu buổi tuyên truyền có cả người lao động nơi khác; nếu doanh nghiệp đã thay đổi số lao động, hãy cập nhật ở trang doanh nghiệp.`
      : undefined;
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
      <DateField label="Ngày tổ chức" required notAfterToday testId="outreach-day" {...f.field('heldOn')} />
      <NumberField label="Số lao động được tuyên truyền" required min={0} testId="outreach-reached" hint={overHeadcount} {...f.field('workersReached')} />
      <NumberField label="Số lao động quan tâm" required min={0} testId="outreach-interested" {...f.field('workersInterested')} />
      <TextArea label="Ghi chú" rows={2} {...f.field('note')} />
    </CaseMutationForm>
  );
}
