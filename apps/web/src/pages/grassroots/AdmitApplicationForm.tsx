import { gql } from '../../api';
import { GRASSROOTS } from '../../queries-grassroots';
import { DateField, TextField } from '../../ui/fields';
import { day, todayVn } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';

/**
 * Kết nạp theo đơn: one application admitted by the upper level (decideApplication, admit: true) with the number
 * and day of its admission decision; `where` says where the member is registered (docs/architecture.md#grassroots-unions).
 */
export function AdmitApplicationForm({
  application,
  where,
  onAdmitted,
  onCancel,
}: {
  application: { id: string; fullName: string };
  where: string;
  onAdmitted: (message: string) => void;
  onCancel: () => void;
}) {
  const f = useForm({ decisionNumber: '', decidedOn: todayVn() });
  return (
    <ActionForm
      title={`Kết nạp ${application.fullName}`}
      submitLabel="Kết nạp"
      form={f}
      testId="admit-application-form"
      actions={
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Đóng
        </button>
      }
      onSubmit={async () => {
        const d = await gql(GRASSROOTS.admitApplication, {
          i: { applicationId: application.id, admit: true, decidedOn: day(f.values.decidedOn), decisionNumber: f.values.decisionNumber },
        });
        onAdmitted(`Đã kết nạp ${d.decideApplication.fullName} theo quyết định ${d.decideApplication.decisionNumber ?? ''}.`);
      }}
    >
      <p className="muted small">{where}</p>
      <TextField label="Số quyết định kết nạp" required testId="admit-application-number" {...f.field('decisionNumber')} />
      <DateField label="Ngày quyết định" required notAfterToday testId="admit-application-date" {...f.field('decidedOn')} />
    </ActionForm>
  );
}
