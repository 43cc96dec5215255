import { gql } from '../../api';
import { GRASSROOTS } from '../../queries-grassroots';
import { DateField, TextArea } from '../../ui/fields';
import { day, todayVn } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';

/**
 * Từ chối đơn: one application refused with its reason, told to the worker (decideApplication, admit: false), on the
 * day typed. Used on a CĐCS's page and on a founding case's page (docs/architecture.md#grassroots-unions).
 */
export function RejectApplicationForm({
  application,
  onRejected,
  onCancel,
}: {
  application: { id: string; fullName: string };
  onRejected: (message: string) => void;
  onCancel: () => void;
}) {
  const f = useForm({ reason: '', decidedOn: todayVn() });
  return (
    <ActionForm
      title={`Từ chối đơn của ${application.fullName}`}
      submitLabel="Từ chối đơn"
      danger
      form={f}
      testId="reject-application-form"
      actions={
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Đóng
        </button>
      }
      onSubmit={async () => {
        const d = await gql(GRASSROOTS.rejectApplication, {
          i: { applicationId: application.id, admit: false, decidedOn: day(f.values.decidedOn), reason: f.values.reason },
        });
        onRejected(`Đã từ chối đơn của ${d.decideApplication.fullName}.`);
      }}
    >
      <TextArea label="Lý do từ chối (báo cho người lao động)" required rows={2} testId="reject-reason" {...f.field('reason')} />
      <DateField label="Ngày xét" required notAfterToday testId="reject-date" {...f.field('decidedOn')} />
    </ActionForm>
  );
}
