import { useRef } from 'react';
import { gql } from '../../api';
import { M } from '../../queries';
import { CheckboxField, DateField, NumberField, SelectField, TextField } from '../../ui/fields';
import { day, num, todayVn } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';

/**
 * A worker's application to join the union: on a founding case (OUTREACH to FOUNDING_CEREMONY), or sent to a CĐCS
 * (its page). Not a case mutation: the case's version does not change, so the form stays for the next applicant.
 */
export function ApplicationForm({ target, onApplied }: { target: { caseId: string } | { grassrootsUnionId: string }; onApplied: () => void }) {
  const f = useForm({
    fullName: '',
    personalId: '',
    birthYear: '',
    gender: 'Nữ',
    position: '',
    nationality: 'Việt Nam',
    contractMonths: '',
    isManager: false as boolean,
    servingSentence: false as boolean,
    submittedOn: todayVn(),
  });
  const formRef = useRef<HTMLDivElement>(null);
  return (
    <div ref={formRef}>
      <ActionForm
        title="Nộp đơn xin gia nhập công đoàn"
        submitLabel="Nộp đơn"
        form={f}
        testId="form-application"
        onSubmit={async () => {
          const d = await gql(M.apply, {
            i: {
              ...target,
              fullName: f.values.fullName,
              personalId: f.values.personalId.trim() || null,
              birthYear: num(f.values.birthYear),
              gender: f.values.gender,
              position: f.values.position,
              isManager: f.values.isManager,
              servingSentence: f.values.servingSentence,
              nationality: f.values.nationality,
              contractMonths: num(f.values.contractMonths),
              submittedOn: day(f.values.submittedOn),
            },
          });
          // Ready for the next applicant of the same workshop: keep position, date and nationality.
          f.setValues((s) => ({ ...s, fullName: '', personalId: '', birthYear: '', isManager: false, servingSentence: false }));
          formRef.current?.querySelector<HTMLInputElement>('input[name="fullName"]')?.focus();
          onApplied();
          // Said beside the button just pressed, where the next applicant is typed (not at the top of the panel).
          return `Đã nhận đơn của ${d.submitApplication.fullName}.`;
        }}
      >
        <div className="grid-2">
          <TextField label="Họ và tên" required testId="application-name" {...f.field('fullName')} />
          <NumberField label="Năm sinh" required testId="application-birth-year" {...f.field('birthYear')} />
          <SelectField
            label="Giới tính"
            {...f.field('gender')}
            options={[
              { value: 'Nữ', label: 'Nữ' },
              { value: 'Nam', label: 'Nam' },
            ]}
          />
          <TextField label="Vị trí công việc" required {...f.field('position')} />
          <TextField label="Quốc tịch" required {...f.field('nationality')} />
          <NumberField label="Thời hạn hợp đồng (tháng)" hint="Để trống nếu không xác định thời hạn" {...f.field('contractMonths')} />
          <TextField label="Số CCCD" inputMode="numeric" {...f.field('personalId')} />
          <DateField label="Ngày nộp đơn" required notAfterToday testId="application-day" {...f.field('submittedOn')} />
        </div>
        <CheckboxField label="Là người quản lý doanh nghiệp" {...f.checkbox('isManager')} />
        <CheckboxField label="Đang chấp hành án phạt tù" {...f.checkbox('servingSentence')} />
      </ActionForm>
    </div>
  );
}
