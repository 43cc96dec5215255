import { useState } from 'react';
import { gql } from '../../api';
import { DOCUMENTS, type DocumentRow } from '../../queries-documents';
import { ConfirmDialog } from '../../ui/dialog';
import { TextArea } from '../../ui/fields';
import { useAction } from '../../ui/use-action';

/**
 * "Hủy văn bản" on an issued document, for who may issue it: asks for the reason (the API keeps it with the cancel)
 * before cancelling. A cancelled document keeps its number and files; a source with one live document (a case's
 * recognition decision, an admission batch, a plan version) can then be issued again.
 */
export function CancelDocument({ d, onCancelled }: { d: DocumentRow; onCancelled: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const act = useAction();
  const close = () => {
    setOpen(false);
    setReason('');
  };
  return (
    <>
      <button type="button" className="btn btn-secondary" data-testid="cancel-document" onClick={() => setOpen(true)}>
        Hủy văn bản
      </button>
      <ConfirmDialog
        open={open}
        title={`Hủy văn bản số ${d.numberLabel}?`}
        confirmLabel="Hủy văn bản"
        danger
        busy={act.busy !== null}
        error={act.error}
        onClose={close}
        onConfirm={() =>
          act.run(true, async () => {
            await gql(DOCUMENTS.cancel, { i: { id: d.id, reason } });
            close();
            onCancelled();
          })
        }
      >
        <p>Văn bản bị hủy vẫn giữ số và tệp của nó, được đánh dấu «Đã hủy» cùng lý do; số này không được cấp lại.</p>
        <TextArea label="Lý do hủy" name="reason" value={reason} onChange={setReason} rows={2} required testId="cancel-reason" />
      </ConfirmDialog>
    </>
  );
}
