import { gql } from '../../api';
import { RETURNS } from '../../queries-returns';
import { ErrorBox } from '../../ui/errors';
import { TextArea } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { useAction } from '../../ui/use-action';
import { STALE } from './return-constants';

/** The upper level's decision on a submitted return: accept it, or send it back with a reason. */
export function Decision({ id, version, onDone }: { id: string; version: number; onDone: (message: string) => void }) {
  const accept = useAction();
  const back = useForm({ reason: '' }, { check: (v) => ({ reason: v.reason.trim() ? undefined : 'Cần ghi lý do trả lại báo cáo để CĐCS sửa' }) });
  return (
    <section className="panel return-decision" aria-label="Duyệt báo cáo" data-testid="return-decision">
      <h3>Duyệt báo cáo</h3>
      <p className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="return-accept"
          disabled={accept.busy !== null}
          onClick={() =>
            accept.run(true, async () => {
              await gql(RETURNS.accept, { i: { id, version } });
              onDone('Đã duyệt báo cáo');
            })
          }
        >
          {accept.busy ? 'Đang gửi…' : 'Duyệt báo cáo'}
        </button>
      </p>
      <ErrorBox error={accept.error} conflict={STALE} reveal />
      <ActionForm
        title="Trả lại để CĐCS sửa"
        submitLabel="Trả lại"
        form={back}
        danger
        conflict={STALE}
        testId="return-send-back"
        onSubmit={async () => {
          await gql(RETURNS.sendBack, { i: { id, version, reason: back.values.reason } });
          onDone('Đã trả lại báo cáo cho CĐCS');
        }}
      >
        <TextArea {...back.field('reason')} label="Lý do trả lại" required testId="return-send-back-reason" />
      </ActionForm>
    </section>
  );
}
