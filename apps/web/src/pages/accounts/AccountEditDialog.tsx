import { gql } from '../../api';
import { ROLE_LABEL } from '../../i18n';
import { ACCOUNTS, type Account } from '../../queries-accounts';
import type { Role } from '../../queries';
import { Dialog } from '../../ui/dialog';
import { SelectField, TextField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { assignableRoles } from './AccountCreateForm';

/** Name, role and unit of an account (updateUser: only what changed is sent). */
export function AccountEditDialog(p: {
  user: Account;
  callerRole: Role;
  units: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const u = p.user;
  const f = useForm({ fullName: u.fullName, role: u.role, orgUnitId: u.orgUnit.id });
  const roles = assignableRoles(p.callerRole);
  // The account's present role and unit stay offered, even where the caller could not give them.
  const roleOptions = roles.some((r) => r.value === u.role) ? roles : [{ value: u.role, label: ROLE_LABEL[u.role] }, ...roles];
  const unitOptions = p.units.some((o) => o.value === u.orgUnit.id) ? p.units : [{ value: u.orgUnit.id, label: u.orgUnit.name }, ...p.units];
  return (
    <Dialog open title={`Sửa tài khoản ${u.email}`} onClose={p.onClose} testId="account-edit-dialog">
      <ActionForm
        title="Họ tên, vai trò và đơn vị"
        submitLabel="Lưu thay đổi"
        form={f}
        testId="form-account-edit"
        actions={
          <button type="button" className="btn btn-secondary" onClick={p.onClose}>
            Huỷ bỏ
          </button>
        }
        onSubmit={async () => {
          const v = f.values;
          const d = await gql(ACCOUNTS.update, {
            i: {
              id: u.id,
              fullName: v.fullName.trim() !== u.fullName ? v.fullName.trim() : null,
              role: v.role !== u.role ? v.role : null,
              orgUnitId: v.orgUnitId !== u.orgUnit.id ? v.orgUnitId : null,
            },
          });
          p.onSaved(`Đã cập nhật tài khoản ${d.updateUser.fullName}.`);
        }}
      >
        <TextField label="Họ và tên" required testId="account-edit-name" {...f.field('fullName')} />
        <SelectField label="Vai trò" testId="account-edit-role" {...f.field('role')} options={roleOptions} />
        <SelectField label="Đơn vị" testId="account-edit-unit" {...f.field('orgUnitId')} options={unitOptions} />
      </ActionForm>
    </Dialog>
  );
}
