import { gql } from '../../api';
import { ROLE_LABEL } from '../../i18n';
import { ACCOUNTS } from '../../queries-accounts';
import type { Role } from '../../queries';
import { SelectField, TextField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { PASSWORD_MIN_LENGTH } from '../PasswordPage';

/** The roles the caller may give: an admin any, a supervisor officers and CĐCS accounts (on a CĐCS only, the API checks). */
export function assignableRoles(callerRole: Role): { value: Role; label: string }[] {
  const roles: Role[] = callerRole === 'ADMIN' ? ['OFFICER', 'SUPERVISOR', 'ADMIN', 'GRASSROOTS'] : ['OFFICER', 'GRASSROOTS'];
  return roles.map((r) => ({ value: r, label: ROLE_LABEL[r] }));
}

/** A new account (createUser) in one of the caller's units, with its first password. */
export function AccountCreateForm(p: {
  callerRole: Role;
  units: { value: string; label: string }[];
  defaultUnit: string;
  onCreated: (message: string) => void;
}) {
  const f = useForm({ email: '', fullName: '', password: '', role: 'OFFICER' as Role, orgUnitId: p.defaultUnit });
  return (
    <ActionForm
      title="Tạo tài khoản"
      submitLabel="Tạo tài khoản"
      form={f}
      testId="form-account-create"
      conflict="Đã có tài khoản dùng email này."
      onSubmit={async () => {
        const d = await gql(ACCOUNTS.create, {
          i: {
            email: f.values.email.trim(),
            fullName: f.values.fullName.trim(),
            password: f.values.password,
            role: f.values.role,
            orgUnitId: f.values.orgUnitId || null,
          },
        });
        f.setValues((s) => ({ ...s, email: '', fullName: '', password: '' }));
        p.onCreated(`Đã tạo tài khoản ${d.createUser.fullName} (${d.createUser.email}).`);
        return `Đã tạo tài khoản ${d.createUser.email}.`;
      }}
    >
      <div className="grid-2">
        <TextField label="Email" type="email" autoComplete="off" required testId="account-create-email" {...f.field('email')} />
        <TextField label="Họ và tên" required testId="account-create-name" {...f.field('fullName')} />
        <TextField
          label="Mật khẩu ban đầu"
          type="password"
          autoComplete="new-password"
          required
          testId="account-create-password"
          hint={`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không chứa email, không quá phổ biến`}
          {...f.field('password')}
        />
        <SelectField label="Vai trò" testId="account-create-role" {...f.field('role')} options={assignableRoles(p.callerRole)} />
        <SelectField label="Đơn vị" testId="account-create-unit" {...f.field('orgUnitId')} options={[{ value: '', label: '— Chọn đơn vị —' }, ...p.units]} />
      </div>
    </ActionForm>
  );
}
