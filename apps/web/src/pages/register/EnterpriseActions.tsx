import { useState } from 'react';
import { gql } from '../../api';
import { fmtDate } from '../../i18n';
import { M } from '../../queries';
import { REGISTER, type EnterpriseDetail } from '../../queries-register';
import { navigate } from '../../router';
import { DateField, SelectField, TextArea } from '../../ui/fields';
import { day, todayVn } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';
import { useUnitUsers } from '../../units';

/** Mở hồ sơ thành lập CĐCS (openFoundingCase) for an operating enterprise without an open case; its page opens. */
export function OpenCaseForm({ e }: { e: EnterpriseDetail }) {
  const [assigneeId, setAssigneeId] = useState('');
  const people = useUnitUsers([e.orgUnit]);
  const assignable = (people.data ?? []).filter((u) => u.role === 'OFFICER' || u.role === 'SUPERVISOR');
  return (
    <ActionForm
      title="Mở hồ sơ thành lập CĐCS"
      submitLabel="Mở hồ sơ"
      testId="form-open-case"
      conflict="Doanh nghiệp này đã có hồ sơ đang mở."
      onSubmit={async () => {
        const d = await gql(M.open, { i: { enterpriseId: e.id, assigneeId: assigneeId || null } });
        navigate(`/ho-so/${d.openFoundingCase.id}`);
      }}
    >
      {e.hasUnion && <p className="alert alert-info">Doanh nghiệp đã ghi nhận có công đoàn — kiểm tra lại trước khi mở hồ sơ.</p>}
      <SelectField
        label="Cán bộ phụ trách"
        name="assigneeId"
        value={assigneeId}
        onChange={setAssigneeId}
        testId="open-case-assignee"
        options={[
          { value: '', label: people.loading && !people.data ? 'Đang tải danh sách cán bộ…' : 'Chưa phân công' },
          ...assignable.map((o) => ({ value: o.id, label: o.role === 'SUPERVISOR' ? `${o.fullName} (Ban Thường vụ)` : o.fullName })),
        ]}
      />
    </ActionForm>
  );
}

/** Ngừng hoạt động (closeEnterprise): from a day on, the enterprise is out of the register's coverage. */
export function CloseEnterpriseForm({ e, onDone }: { e: EnterpriseDetail; onDone: (message: string) => void }) {
  const f = useForm({ closedOn: todayVn(), note: '' });
  return (
    <ActionForm
      title="Ngừng hoạt động"
      submitLabel="Ghi nhận ngừng hoạt động"
      danger
      form={f}
      testId="form-enterprise-close"
      onSubmit={async () => {
        const d = await gql(REGISTER.close, { i: { id: e.id, closedOn: day(f.values.closedOn), note: f.values.note.trim() || null } });
        onDone(`Đã ghi nhận doanh nghiệp ngừng hoạt động từ ${fmtDate(d.closeEnterprise.closedOn)}.`);
      }}
    >
      <p className="muted small">Doanh nghiệp ngừng hoạt động (giải thể, phá sản, tạm ngừng) không còn được tính vào tỷ lệ bao phủ.</p>
      <DateField label="Ngừng hoạt động từ ngày" required notAfterToday testId="enterprise-close-day" {...f.field('closedOn')} />
      <TextArea label="Ghi chú" rows={2} testId="enterprise-close-note" {...f.field('note')} />
    </ActionForm>
  );
}

/** Hoạt động trở lại (reopenEnterprise). */
export function ReopenEnterpriseForm({ e, onDone }: { e: EnterpriseDetail; onDone: (message: string) => void }) {
  return (
    <ActionForm
      title="Hoạt động trở lại"
      submitLabel="Ghi nhận hoạt động trở lại"
      testId="form-enterprise-reopen"
      onSubmit={async () => {
        await gql(REGISTER.reopen, { id: e.id });
        onDone('Đã ghi nhận doanh nghiệp hoạt động trở lại.');
      }}
    >
      <p className="muted small">Doanh nghiệp ngừng hoạt động từ {fmtDate(e.closedOn)}.</p>
    </ActionForm>
  );
}
