import { useRef, useState } from 'react';
import type { Account } from '../../queries-accounts';
import { Dialog } from '../../ui/dialog';

/** Copies a text: the clipboard API, else the old way from the (selected) field. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * The temporary password of a reset, shown once: the server keeps only its hash, and this page
 * forgets it when the dialog closes. The user must change it when logging in.
 */
export function TempPasswordDialog({ user, password, onClose }: { user: Account; password: string; onClose: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Dialog
      open
      title="Mật khẩu tạm thời"
      onClose={onClose}
      testId="temp-password-dialog"
      actions={
        <button type="button" className="btn btn-primary" onClick={onClose} data-testid="temp-password-close">
          Tôi đã ghi lại, đóng
        </button>
      }
    >
      <p>
        Mật khẩu tạm thời của <strong>{user.fullName}</strong> ({user.email}):
      </p>
      <div className="copy-row">
        <input
          ref={field}
          className="temp-password"
          readOnly
          value={password}
          aria-label="Mật khẩu tạm thời"
          data-testid="temp-password"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="temp-password-copy"
          onClick={async () => setCopied(await copyText(password, field.current))}
        >
          Sao chép
        </button>
      </div>
      <p role="status" className="small">
        {copied === true && 'Đã sao chép vào bộ nhớ tạm.'}
        {copied === false && 'Không sao chép được — hãy chọn và sao chép bằng tay.'}
      </p>
      <div className="alert alert-error" role="alert">
        <p className="alert-title">Mật khẩu này chỉ hiện một lần và sẽ không hiển thị lại.</p>
        <p>Hãy gửi ngay cho người dùng qua kênh an toàn. Khi đăng nhập, họ phải đổi sang mật khẩu mới.</p>
      </div>
    </Dialog>
  );
}
