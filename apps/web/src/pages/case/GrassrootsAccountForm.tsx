import { gql } from '../../api';
import { GRASSROOTS } from '../../queries-grassroots';
import { Link } from '../../router';
import { TextField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { Disclosure } from '../../ui/page';

/**
 * On a RECOGNIZED case's page (SUPERVISOR, ADMIN): the first account of the CĐCS the case founded, so its chair
 * can keep its register (createGrassrootsAccount; docs/architecture.md#grassroots-unions).
 */
export function GrassrootsAccountForm({ caseId, unit }: { caseId: string; unit: { id: string; name: string } | null }) {
  const f = useForm({ email: '', fullName: '', password: '' });
  return (
    <div data-testid="grassroots-account">
      {unit && (
        <p>
          <Link to={`/cdcs/${encodeURIComponent(unit.id)}`} data-testid="case-grassroots-link">
            {unit.name}: danh sách đoàn viên
          </Link>
        </p>
      )}
      <Disclosure summary="Tạo tài khoản cho CĐCS" testId="grassroots-account-open">
        <ActionForm
          title="Tạo tài khoản cho CĐCS"
          submitLabel="Tạo tài khoản"
          form={f}
          testId="grassroots-account-form"
          onSubmit={async () => {
            const v = f.values;
            const d = await gql(GRASSROOTS.createAccount, { i: { caseId, email: v.email, fullName: v.fullName, password: v.password } });
            f.setValues({ email: '', fullName: '', password: '' });
            return `Đã tạo tài khoản ${d.createGrassrootsAccount.email} cho ${unit?.name ?? 'công đoàn cơ sở'}`;
          }}
        >
          <p className="muted small">Tài khoản của Chủ tịch hoặc ủy viên Ban Chấp hành CĐCS: chỉ xem và cập nhật danh sách đoàn viên của CĐCS này.</p>
          <TextField label="Email" type="email" autoComplete="off" required testId="grassroots-account-email" {...f.field('email')} />
          <TextField label="Họ và tên" required testId="grassroots-account-name" {...f.field('fullName')} />
          <TextField
            label="Mật khẩu ban đầu"
            type="password"
            autoComplete="new-password"
            required
            testId="grassroots-account-password"
            hint="Người dùng đổi mật khẩu sau khi đăng nhập"
            {...f.field('password')}
          />
        </ActionForm>
      </Disclosure>
    </div>
  );
}
