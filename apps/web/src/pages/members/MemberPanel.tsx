import { SEX_LABEL_VI } from '@app/domain/code-labels';
import { useState } from 'react';
import { gql } from '../../api';
import type { LabourContractKind, LeaveReason, MemberQuery, Sex } from '../../generated/graphql';
import { CONTRACT_LABEL, LEAVE_LABEL, STATUS_LABEL, dmy } from '../../i18n-grassroots';
import { GRASSROOTS } from '../../queries-grassroots';
import { ErrorBox, Notice } from '../../ui/errors';
import { DateField, SelectField, TextArea, TextField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { day, todayVn } from '../../ui/form-values';
import { Disclosure, Loading } from '../../ui/page';
import { useAsync } from '../../ui/use-async';

/**
 * The reasons a CĐCS records itself: TRANSFERRED is recorded by the receiving CĐCS (transferMember), DISSOLVED only by
 * the dissolution of the CĐCS (restructuring); the API refuses both here.
 */
const NOT_RECORDED_HERE: readonly LeaveReason[] = ['TRANSFERRED', 'DISSOLVED'];
const LEAVE_OPTIONS = (Object.keys(LEAVE_LABEL) as LeaveReason[])
  .filter((r) => !NOT_RECORDED_HERE.includes(r))
  .map((r) => ({ value: r, label: LEAVE_LABEL[r] }));

/**
 * One person of the register: details and memberships history; for the CĐCS's own chair (or an ADMIN) the
 * forms that correct the person (updateStaff), record its leaving, or take over its membership from another CĐCS.
 */
export function MemberPanel({ id, canWrite, onChanged, onClose }: { id: string; canWrite: boolean; onChanged: () => void; onClose: () => void }) {
  const q = useAsync(async () => (await gql(GRASSROOTS.member, { id })).member, [id]);
  const m = q.data;
  // The form that ran may go (a leaver has no leaving form): its message is kept here.
  const [flash, setFlash] = useState<string | null>(null);
  const done = (message: string) => {
    setFlash(message);
    q.reload();
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="member-title" data-testid="member-panel">
      <div className="toolbar">
        <h2 id="member-title">{m ? m.fullName : 'Người lao động'}</h2>
        <button type="button" className="btn btn-secondary btn-small" onClick={onClose} data-testid="member-close">
          Đóng
        </button>
      </div>
      <ErrorBox error={q.error} />
      {flash && <Notice>{flash}</Notice>}
      {q.loading && !m && <Loading what="thông tin" />}
      {m && (
        <>
          <dl className="facts">
            {(
              [
                ['Số CCCD', m.citizenId ?? '—'],
                ['Ngày sinh', dmy(m.birthDate) || '—'],
                ['Giới tính', SEX_LABEL_VI[m.sex]],
                ['Công việc', m.job ?? '—'],
                ['Hợp đồng lao động', m.contractKind ? CONTRACT_LABEL[m.contractKind] : '—'],
                ['Trạng thái', STATUS_LABEL[m.status]],
              ] as const
            ).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <h3 className="section-gap">Quá trình sinh hoạt</h3>
          {m.memberships.length === 0 ? (
            <p className="muted">Chưa kết nạp vào công đoàn cơ sở này.</p>
          ) : (
            <ol className="history" data-testid="member-history">
              {m.memberships.map((s) => (
                <li key={s.id}>
                  {s.transferredIn ? 'Chuyển đến' : 'Kết nạp'} ngày {dmy(s.admittedOn)}
                  {s.transferredFromName && ` từ ${s.transferredFromName}`}
                  {/* A transfer carries the decision that first admitted the person, at another CĐCS: not one of this CĐCS. */}
                  {s.decisionNumber && (s.transferredIn ? ` (kết nạp theo quyết định ${s.decisionNumber})` : ` (quyết định ${s.decisionNumber})`)}
                  {s.leftOn
                    ? ` — ra ngày ${dmy(s.leftOn)}: ${s.leftReason ? LEAVE_LABEL[s.leftReason] : ''}${s.leftNote ? ` (${s.leftNote})` : ''}`
                    : ' — đang sinh hoạt'}
                </li>
              ))}
            </ol>
          )}
          {canWrite && m.status === 'MEMBER' && <LeaveForm id={m.id} name={m.fullName} done={done} />}
          {canWrite && m.status !== 'MEMBER' && <TransferForm id={m.id} name={m.fullName} done={done} />}
          {canWrite && <EditForm m={m} done={done} />}
        </>
      )}
    </section>
  );
}

function LeaveForm({ id, name, done }: { id: string; name: string; done: (message: string) => void }) {
  const f = useForm({ leftOn: todayVn(), reason: 'LEFT_JOB' as string, note: '' });
  return (
    <ActionForm
      title="Ghi nhận ra khỏi tổ chức"
      submitLabel="Ghi nhận"
      form={f}
      danger
      testId="leave-form"
      onSubmit={async () => {
        const v = f.values;
        await gql(GRASSROOTS.leave, { i: { memberId: id, leftOn: day(v.leftOn), reason: v.reason as LeaveReason, note: v.note || null } });
        done(`Đã ghi nhận ${name} ra khỏi tổ chức`);
      }}
    >
      <DateField label="Ngày ra" {...f.field('leftOn')} required testId="leave-date" />
      <SelectField label="Lý do" {...f.field('reason')} options={LEAVE_OPTIONS} testId="leave-reason" />
      <TextArea label="Ghi chú" {...f.field('note')} rows={2} testId="leave-note" />
    </ActionForm>
  );
}

function TransferForm({ id, name, done }: { id: string; name: string; done: (message: string) => void }) {
  const f = useForm({ transferredOn: todayVn(), note: '' });
  return (
    <Disclosure summary="Nhận chuyển sinh hoạt từ công đoàn cơ sở khác" testId="transfer">
      <ActionForm
        title="Nhận chuyển sinh hoạt đến"
        submitLabel="Nhận chuyển đến"
        form={f}
        testId="transfer-form"
        onSubmit={async () => {
          const v = f.values;
          await gql(GRASSROOTS.transfer, { i: { memberId: id, transferredOn: day(v.transferredOn), note: v.note || null } });
          done(`${name} đã chuyển sinh hoạt đến (không tính là đoàn viên mới)`);
        }}
      >
        <p className="muted small">Số CCCD tìm ra đoàn viên đang sinh hoạt ở công đoàn cơ sở khác; nơi cũ kết thúc cùng ngày.</p>
        <DateField label="Ngày chuyển" {...f.field('transferredOn')} required testId="transfer-date" />
        <TextArea label="Ghi chú" {...f.field('note')} rows={2} />
      </ActionForm>
    </Disclosure>
  );
}

type MemberData = MemberQuery['member'];

function EditForm({ m, done }: { m: MemberData; done: (message: string) => void }) {
  const f = useForm({
    fullName: m.fullName,
    citizenId: m.citizenId ?? '',
    birthDate: dmy(m.birthDate),
    sex: m.sex as string,
    job: m.job ?? '',
    contractKind: (m.contractKind ?? '') as string,
    phone: m.phone ?? '',
  });
  return (
    <Disclosure summary="Sửa thông tin" testId="staff-edit">
      <ActionForm
        title="Sửa thông tin người lao động"
        submitLabel="Lưu"
        form={f}
        testId="staff-edit-form"
        onSubmit={async () => {
          const v = f.values;
          await gql(GRASSROOTS.updateStaff, {
            i: {
              id: m.id,
              fullName: v.fullName,
              citizenId: v.citizenId,
              birthDate: day(v.birthDate),
              sex: v.sex as Sex,
              job: v.job || null,
              contractKind: (v.contractKind || null) as LabourContractKind | null,
              phone: v.phone || null,
            },
          });
          done(`Đã lưu thông tin ${v.fullName}`);
        }}
      >
        <TextField label="Họ và tên" {...f.field('fullName')} required />
        <TextField label="Số CCCD" {...f.field('citizenId')} required hint="12 chữ số" />
        <DateField label="Ngày sinh" {...f.field('birthDate')} required />
        <SelectField
          label="Giới tính"
          {...f.field('sex')}
          options={[
            { value: 'FEMALE', label: 'Nữ' },
            { value: 'MALE', label: 'Nam' },
          ]}
        />
        <TextField label="Công việc" {...f.field('job')} />
        <SelectField
          label="Loại hợp đồng lao động"
          {...f.field('contractKind')}
          options={[{ value: '', label: '—' }, ...(Object.keys(CONTRACT_LABEL) as LabourContractKind[]).map((k) => ({ value: k, label: CONTRACT_LABEL[k] }))]}
        />
        <TextField label="Số điện thoại" {...f.field('phone')} />
      </ActionForm>
    </Disclosure>
  );
}
