import { FormEvent, useState } from 'react';
import { ApiError, gql } from '../api';
import { M, type Me } from '../queries';
import { ErrorBox } from '../ui/errors';
import { TextField } from '../ui/fields';
import { Brand } from '../ui/page';
import { useAction } from '../ui/use-action';

export function LoginPage({ onLoggedIn, notice }: { onLoggedIn: (token: string, me: Me) => Promise<void>; notice: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useAction();
  const busy = login.busy !== null;
  const [badCredentials, setBadCredentials] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBadCredentials(false);
    await login.run(true, async () => {
      try {
        const d = await gql(M.login, { e: email.trim(), p: password });
        await onLoggedIn(d.login.accessToken, d.login.user);
      } catch (err) {
        // A wrong or missing email/password gets one plain sentence, not the API's error.
        if (err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || (err.code === 'BAD_USER_INPUT' && (!email || !password)))) {
          setBadCredentials(true);
          return;
        }
        throw err;
      }
    });
  };

  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <Brand large sub="Dành cho cán bộ công đoàn" />
        <h1 id="login-title">Đăng nhập</h1>
        {notice && (
          <div className="alert alert-info" role="status">
            {notice}
          </div>
        )}
        <TextField label="Email" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} required />
        <TextField label="Mật khẩu" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
        {badCredentials && (
          <div className="alert alert-error" role="alert" data-code="UNAUTHENTICATED">
            <p className="alert-title">Sai email hoặc mật khẩu</p>
          </div>
        )}
        <ErrorBox error={login.error} reveal />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} aria-busy={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
