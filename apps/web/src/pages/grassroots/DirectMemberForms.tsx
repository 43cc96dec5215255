import { gql } from '../../api';
import { LEAVE_LABEL } from '../../i18n-grassroots';
import { GRASSROOTS } from '../../queries-grassroots';
import type { LeaveReason } from '../../generated/graphql';
import { ErrorBox } from '../../ui/errors';
import { DateField, SelectField, TextArea } from '../../ui/fields';
import { day, todayVn } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';
import { useAsync } from '../../ui/use-async';

/** A transfer is recorded by "Chuyển về CĐCS"; a dissolution only by restructuring. */
const LEAVE_OPTIONS = (Object.keys(LEAVE_LABEL) as LeaveReason[])
  .filter((r) => r !== 'TRANSFERRED' && r !== 'DISSOLVED')
  .map((r) => ({ value: r, label: LEAVE_LABEL[r] }));

type Member = { id: string; fullName: string };
type Props = { member: Member; onCancel: () => void; onDone: (message: string) => void };

function CloseButton({ onCancel }: { onCancel: () => void }) {
  return (
    <button type="button" className="btn btn-secondary" onClick={onCancel}>
      Đóng
    </button>
  );
}

/** Ghi giảm: a member the upper-level union admitted directly leaves (recordUpperLevelMemberLeaving). */
export function DirectMemberLeaveForm({ member, onCancel, onDone }: Props) {
  const f = useForm({ leftOn: todayVn(), reason: 'LEFT_JOB' as string, note: '' });
  return (
    <ActionForm
      title={`Ghi nhận ${member.fullName} ra khỏi tổ chức`}
      submitLabel="Ghi nhận"
      form={f}
      danger
      testId="direct-leave-form"
      actions={<CloseButton onCancel={onCancel} />}
      onSubmit={async () => {
        const v = f.values;
        await gql(GRASSROOTS.upperLeave, { i: { memberId: member.id, leftOn: day(v.leftOn), reason: v.reason as LeaveReason, note: v.note || null } });
        onDone(`Đã ghi nhận ${member.fullName} ra khỏi tổ chức.`);
      }}
    >
      <DateField label="Ngày ra" {...f.field('leftOn')} required notAfterToday testId="direct-leave-date" />
      <SelectField label="Lý do" {...f.field('reason')} options={LEAVE_OPTIONS} testId="direct-leave-reason" />
      <TextArea label="Ghi chú" {...f.field('note')} rows={2} />
    </ActionForm>
  );
}

/**
 * Chuyển về CĐCS: the member moves to a CĐCS of the union's subtree on a day (transferUpperLevelMember): put on its
 * staff list and register from that day, ended here; not a new member.
 */
export function DirectMemberTransferForm({ member, unitId, onCancel, onDone }: Props & { unitId: string }) {
  const unions = useAsync(async () => (await gql(GRASSROOTS.unions, { u: unitId, first: 200 })).grassrootsUnions.nodes, [unitId], { subject: [unitId] });
  const f = useForm(
    { grassrootsUnionId: '', transferredOn: todayVn(), note: '' },
    { check: (v) => ({ grassrootsUnionId: v.grassrootsUnionId ? undefined : 'Chọn CĐCS nhận' }) },
  );
  const options = [{ value: '', label: '— Chọn CĐCS —' }, ...(unions.data ?? []).map((u) => ({ value: u.id, label: u.name }))];
  return (
    <ActionForm
      title={`Chuyển ${member.fullName} về CĐCS`}
      submitLabel="Chuyển"
      form={f}
      testId="direct-transfer-form"
      actions={<CloseButton onCancel={onCancel} />}
      onSubmit={async () => {
        const v = f.values;
        const d = await gql(GRASSROOTS.upperTransfer, {
          i: { memberId: member.id, grassrootsUnionId: v.grassrootsUnionId, transferredOn: day(v.transferredOn), note: v.note || null },
        });
        const to = options.find((o) => o.value === v.grassrootsUnionId)?.label ?? 'CĐCS';
        onDone(`Đã chuyển ${d.transferUpperLevelMember.fullName} về ${to} (không tính là đoàn viên mới).`);
      }}
    >
      <p className="muted small">Người lao động được ghi vào danh sách và sổ đoàn viên của CĐCS từ ngày chuyển; ở đây ghi «Chuyển sinh hoạt».</p>
      <ErrorBox error={unions.error} />
      {unions.data && unions.data.length === 0 && <p className="empty-state">Chưa có CĐCS nào trực thuộc công đoàn cấp trên này.</p>}
      <SelectField label="CĐCS nhận" {...f.field('grassrootsUnionId')} required options={options} testId="direct-transfer-cdcs" />
      <DateField label="Ngày chuyển" {...f.field('transferredOn')} required notAfterToday testId="direct-transfer-date" />
      <TextArea label="Ghi chú" {...f.field('note')} rows={2} />
    </ActionForm>
  );
}
