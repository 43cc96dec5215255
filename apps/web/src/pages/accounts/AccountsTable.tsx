import { ROLE_LABEL, fmtDate, fmtDateTime, vnToday } from '../../i18n';
import type { Account } from '../../queries-accounts';

export type AccountAction = 'edit' | 'reset' | 'deactivate' | 'reactivate';

/** The accounts of one page: a table on wide screens, one card per account on a phone. */
export function AccountsTable({ rows, meId, onAction }: { rows: Account[]; meId: string; onAction: (a: AccountAction, u: Account) => void }) {
  if (rows.length === 0) return <p className="empty-state">Không có tài khoản nào khớp bộ lọc.</p>;
  return (
    <div className="table-wrap">
      <table className="stack-table" data-testid="accounts-table">
        <thead>
          <tr>
            <th scope="col">Họ và tên</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Đơn vị</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Thao tác</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id} data-testid="account-row" data-user-id={u.id} data-email={u.email} data-active={u.active ? 'true' : 'false'}>
              <th scope="row" data-label="Họ và tên">
                <span className="cell">
                  {u.fullName}
                  <small className="muted block">{u.email}</small>
                </span>
              </th>
              <td data-label="Vai trò">{ROLE_LABEL[u.role]}</td>
              <td data-label="Đơn vị">{u.orgUnit.name}</td>
              <td data-label="Trạng thái">
                <span className="cell">
                  {u.active ? (
                    <span className="badge badge-active" data-testid="account-status">
                      Đang hoạt động
                    </span>
                  ) : (
                    <span
                      className="badge badge-closed"
                      data-testid="account-status"
                      title={u.deactivatedAt ? `Từ ${fmtDateTime(u.deactivatedAt)}` : undefined}
                    >
                      Ngừng hoạt động{u.deactivatedAt ? ` từ ${fmtDate(vnToday(new Date(u.deactivatedAt)))}` : ''}
                    </span>
                  )}
                  {u.mustChangePassword && <span className="badge badge-warning">Chờ đổi mật khẩu</span>}
                </span>
              </td>
              <td data-label="Thao tác">
                <span className="row-actions">
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => onAction('edit', u)} data-testid="account-edit">
                    Sửa
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    onClick={() => onAction('reset', u)}
                    data-testid="account-reset"
                    disabled={!u.active}
                  >
                    Đặt lại mật khẩu
                  </button>
                  {u.active ? (
                    u.id !== meId && (
                      <button type="button" className="btn btn-danger btn-small" onClick={() => onAction('deactivate', u)} data-testid="account-deactivate">
                        Ngừng hoạt động
                      </button>
                    )
                  ) : (
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => onAction('reactivate', u)} data-testid="account-reactivate">
                      Kích hoạt lại
                    </button>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
