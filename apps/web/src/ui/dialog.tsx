import { ReactNode, useEffect, useId, useRef } from 'react';
import { ErrorBox } from './errors';

/**
 * A modal dialog (the browser's own <dialog>: focus kept inside, Esc closes, the page behind inert).
 * Shown while `open`; `onClose` is called on Esc or on the close button.
 */
export function Dialog(p: { open: boolean; title: string; onClose: () => void; children: ReactNode; testId?: string; actions?: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p.open && !d.open) d.showModal();
    if (!p.open && d.open) d.close();
  }, [p.open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={p.testId}
      onCancel={(e) => {
        e.preventDefault();
        p.onClose();
      }}
    >
      {p.open && (
        <>
          <h2 id={titleId}>{p.title}</h2>
          <div className="dialog-body">{p.children}</div>
          {p.actions && <div className="form-actions dialog-actions">{p.actions}</div>}
        </>
      )}
    </dialog>
  );
}

/**
 * "Are you sure?" before an action that changes much (deactivating an account, cancelling an import):
 * the question, the button that does it, and Huỷ bỏ. The action's refusal is shown inside.
 */
export function ConfirmDialog(p: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: unknown;
  danger?: boolean;
}) {
  return (
    <Dialog
      open={p.open}
      title={p.title}
      onClose={p.onClose}
      testId="confirm-dialog"
      actions={
        <>
          <button
            type="button"
            className={`btn ${p.danger ? 'btn-danger' : 'btn-primary'}`}
            onClick={p.onConfirm}
            disabled={p.busy}
            aria-busy={p.busy}
            data-testid="confirm-ok"
          >
            {p.busy ? 'Đang gửi…' : p.confirmLabel}
          </button>
          <button type="button" className="btn btn-secondary" onClick={p.onClose} data-testid="confirm-cancel">
            Huỷ bỏ
          </button>
        </>
      }
    >
      {p.children}
      <ErrorBox error={p.error} />
    </Dialog>
  );
}
