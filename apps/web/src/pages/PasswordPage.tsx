import { gql } from '../api';
import { ACCOUNTS } from '../queries-accounts';
import { navigate } from '../router';
import { useSession } from '../session';
import { TextField } from '../ui/fields';
import { ActionForm, useForm } from '../ui/forms';
import { PageTitle } from '../ui/page';

export const PASSWORD_MIN_LENGTH = 10;

/** The policy the server applies, as the user can check it while typing (the common-password list stays on the server). */
function policyOf(password: string, email: string): { text: string; ok: boolean | null }[] {
  const lower = password.toLowerCase();
  const address = email.toLowerCase();
  const local = address.split('@')[0] ?? '';
  const containsEmail = !!password && (lower.includes(address) || (local.length >= 3 && lower.includes(local)));
  return [
    { text: `Ít nhất ${PASSWORD_MIN_LENGTH} ký tự`, ok: password ? [...password].length >= PASSWORD_MIN_LENGTH : null },
    { text: 'Không chứa địa chỉ e-mail của bạn', ok: password ? !containsEmail : null },
    { text: 'Không phải mật khẩu quá phổ biến (máy chủ kiểm tra khi lưu)', ok: null },
  ];
}

/**
 * Changing one's own password: current, new and the new one again. `forced` after logging in with a
 * temporary password: the app offers nothing else until it is changed. The fresh token is kept.
 */
export function PasswordPage({ forced = false }: { forced?: boolean }) {
  const { me, passwordChanged } = useSession();
  const f = useForm(
    { currentPassword: '', newPassword: '', repeat: '' },
    { check: (v) => ({ repeat: v.repeat !== v.newPassword ? 'Mật khẩu nhập lại không khớp với mật khẩu mới' : undefined }) },
  );
  const policy = policyOf(f.values.newPassword, me.email);

  return (
    <section aria-labelledby="pw-title" className="narrow" data-testid="password-page" data-forced={forced ? 'true' : 'false'}>
      <PageTitle sub={forced ? undefined : `Tài khoản ${me.email}`}>
        <span id="pw-title">{forced ? 'Đổi mật khẩu tạm thời' : 'Đổi mật khẩu'}</span>
      </PageTitle>
      {forced && (
        <div className="alert alert-info" role="status" data-testid="password-forced">
          Bạn đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới để tiếp tục sử dụng hệ thống.
        </div>
      )}
      <ActionForm
        title="Mật khẩu mới"
        submitLabel="Đổi mật khẩu"
        form={f}
        className="panel"
        testId="form-password"
        onSubmit={async () => {
          const d = await gql(ACCOUNTS.changePassword, { i: { currentPassword: f.values.currentPassword, newPassword: f.values.newPassword } });
          passwordChanged(d.changePassword.accessToken, d.changePassword.user);
          f.setValues({ currentPassword: '', newPassword: '', repeat: '' });
          if (forced) {
            navigate('/', true);
            return;
          }
          return 'Đã đổi mật khẩu. Lần đăng nhập sau hãy dùng mật khẩu mới.';
        }}
      >
        <TextField
          label={forced ? 'Mật khẩu tạm thời (hiện tại)' : 'Mật khẩu hiện tại'}
          type="password"
          autoComplete="current-password"
          required
          testId="password-current"
          {...f.field('currentPassword')}
        />
        <div className="with-aside">
          <TextField label="Mật khẩu mới" type="password" autoComplete="new-password" required testId="password-new" {...f.field('newPassword')} />
          <div className="policy" aria-label="Yêu cầu đối với mật khẩu mới" data-testid="password-policy">
            <p className="policy-title">Yêu cầu:</p>
            <ul>
              {policy.map((r) => (
                <li key={r.text} className={r.ok === null ? '' : r.ok ? 'ok' : 'bad'}>
                  <span aria-hidden="true">{r.ok === null ? '•' : r.ok ? '✓' : '✗'}</span> {r.text}
                  {r.ok === false && <span className="sr-only"> (chưa đạt)</span>}
                </li>
              ))}
            </ul>
          </div>
        </div>
        <TextField label="Nhập lại mật khẩu mới" type="password" autoComplete="new-password" required testId="password-repeat" {...f.field('repeat')} />
      </ActionForm>
    </section>
  );
}
