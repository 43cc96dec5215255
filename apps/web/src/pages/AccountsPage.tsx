import { useState } from 'react';
import { gql } from '../api';
import { ROLE_LABEL, optionsOf } from '../i18n';
import { ACCOUNTS, type Account } from '../queries-accounts';
import type { Role } from '../queries';
import { useSession } from '../session';
import { ConfirmDialog } from '../ui/dialog';
import { ErrorBox, Notice } from '../ui/errors';
import { SelectField, TextField } from '../ui/fields';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { ConnectionPager, useCursorPager, useDebounced } from '../ui/pager';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';
import { AccountCreateForm } from './accounts/AccountCreateForm';
import { AccountEditDialog } from './accounts/AccountEditDialog';
import { AccountsTable, type AccountAction } from './accounts/AccountsTable';
import { TempPasswordDialog } from './accounts/TempPasswordDialog';
import { useUnitTreeOptions } from '../units';

const PAGE = 25;

const CONFIRM: Record<'reset' | 'deactivate' | 'reactivate', { title: string; text: (u: Account) => string; label: string; danger?: boolean }> = {
  reset: {
    title: 'Đặt lại mật khẩu?',
    text: (u) => `${u.fullName} sẽ không đăng nhập được bằng mật khẩu cũ; hệ thống tạo một mật khẩu tạm thời, chỉ hiện một lần.`,
    label: 'Đặt lại mật khẩu',
  },
  deactivate: {
    title: 'Ngừng hoạt động tài khoản?',
    text: (u) => `${u.fullName} sẽ bị đăng xuất ngay và không đăng nhập được nữa. Các hồ sơ đang mở giao cho người này sẽ chuyển về "Chưa phân công".`,
    label: 'Ngừng hoạt động',
    danger: true,
  },
  reactivate: {
    title: 'Kích hoạt lại tài khoản?',
    text: (u) => `${u.fullName} sẽ đăng nhập lại được bằng mật khẩu hiện có.`,
    label: 'Kích hoạt lại',
  },
};

/** Tài khoản: the accounts of the caller's units (ADMIN: all; SUPERVISOR: the officers of its subtree). */
export function AccountsPage() {
  const { me, sup } = useSession();
  const units = useUnitTreeOptions();
  const [unit, setUnit] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [search, setSearch] = useState('');
  const typed = useDebounced(search.trim());
  const filter = { orgUnitId: unit || null, role: role || null, active: active === '' ? null : active === 'true', search: typed || null };
  const key = JSON.stringify(filter);
  const pager = useCursorPager(key);
  const list = useAsync(async () => (await gql(ACCOUNTS.list, { f: filter, first: PAGE, after: pager.after })).accounts, [key, pager.after], { subject: [] });

  const [flash, setFlash] = useState<string | null>(null);
  const [editing, setEditing] = useState<Account | null>(null);
  const [pending, setPending] = useState<{ kind: keyof typeof CONFIRM; user: Account } | null>(null);
  const [temp, setTemp] = useState<{ user: Account; password: string } | null>(null);

  if (!sup) {
    return (
      <section>
        <PageTitle>Tài khoản</PageTitle>
        <p className="alert alert-info">Trang này dành cho Ban Thường vụ và quản trị viên.</p>
      </section>
    );
  }

  const onAction = (a: AccountAction, u: Account) => {
    setFlash(null);
    if (a === 'edit') setEditing(u);
    else setPending({ kind: a, user: u });
  };

  const page = list.data;
  return (
    <section aria-labelledby="acc-title" data-testid="accounts-page">
      <PageTitle sub={me.role === 'ADMIN' ? 'Mọi tài khoản của hệ thống' : `Tài khoản cán bộ và CĐCS thuộc ${me.orgUnit.name}`}>
        <span id="acc-title">Tài khoản</span>
      </PageTitle>

      <Disclosure summary="Tạo tài khoản mới" testId="accounts-create">
        <AccountCreateForm
          callerRole={me.role}
          units={units.options}
          defaultUnit={me.orgUnit.id}
          onCreated={(m) => {
            setFlash(m);
            list.reload();
          }}
        />
      </Disclosure>

      <form className="filters" role="search" aria-label="Lọc tài khoản" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Tìm theo tên hoặc email"
          name="search"
          value={search}
          onChange={setSearch}
          placeholder="Gõ có dấu hoặc không dấu"
          testId="accounts-search"
        />
        <SelectField
          label="Đơn vị"
          name="orgUnitId"
          value={unit}
          onChange={setUnit}
          testId="accounts-filter-unit"
          options={[{ value: '', label: 'Tất cả đơn vị' }, ...units.options]}
        />
        <SelectField
          label="Vai trò"
          name="role"
          value={role}
          onChange={setRole}
          testId="accounts-filter-role"
          options={[{ value: '' as const, label: 'Tất cả vai trò' }, ...optionsOf(ROLE_LABEL)]}
        />
        <SelectField
          label="Trạng thái"
          name="active"
          value={active}
          onChange={setActive}
          testId="accounts-filter-active"
          options={[
            { value: '', label: 'Tất cả' },
            { value: 'true', label: 'Đang hoạt động' },
            { value: 'false', label: 'Ngừng hoạt động' },
          ]}
        />
      </form>

      {flash && <Notice reveal>{flash}</Notice>}
      <ErrorBox error={list.error ?? units.error} />
      {list.loading && !page && <Loading what="tài khoản" />}
      {page && (
        <>
          <AccountsTable rows={page.nodes} meId={me.id} onAction={onAction} />
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="accounts-pager" what="tài khoản" />
        </>
      )}

      {editing && (
        <AccountEditDialog
          user={editing}
          callerRole={me.role}
          units={units.options}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            setFlash(m);
            list.reload();
          }}
        />
      )}
      {pending && (
        <AccountConfirm
          {...pending}
          onClose={() => setPending(null)}
          onDone={(message, password) => {
            if (password) setTemp({ user: pending.user, password });
            setPending(null);
            setFlash(message);
            list.reload();
          }}
        />
      )}
      {temp && <TempPasswordDialog user={temp.user} password={temp.password} onClose={() => setTemp(null)} />}
    </section>
  );
}

/** The question before resetting a password, deactivating or reactivating an account, and the call once confirmed. */
function AccountConfirm(p: { kind: keyof typeof CONFIRM; user: Account; onClose: () => void; onDone: (message: string, temporaryPassword?: string) => void }) {
  const act = useAction();
  const c = CONFIRM[p.kind];
  const u = p.user;
  const run = () =>
    act.run(true, async () => {
      if (p.kind === 'reset') {
        const d = await gql(ACCOUNTS.resetPassword, { id: u.id });
        p.onDone(`Đã đặt lại mật khẩu của ${u.fullName}.`, d.resetPassword.temporaryPassword);
      } else if (p.kind === 'deactivate') {
        await gql(ACCOUNTS.deactivate, { id: u.id });
        p.onDone(`Đã ngừng hoạt động tài khoản ${u.fullName}.`);
      } else {
        await gql(ACCOUNTS.reactivate, { id: u.id });
        p.onDone(`Đã kích hoạt lại tài khoản ${u.fullName}.`);
      }
    });
  return (
    <ConfirmDialog open title={c.title} confirmLabel={c.label} danger={c.danger} busy={act.busy !== null} error={act.error} onConfirm={run} onClose={p.onClose}>
      <p>{c.text(u)}</p>
    </ConfirmDialog>
  );
}
