import { useState } from 'react';
import { gql } from '../../api';
import type { EnterpriseDetail } from '../../queries-register';
import { REGISTER } from '../../queries-register';
import { DateField } from '../../ui/fields';
import { day, num, todayVn } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';
import { EnterpriseFields, type EnterpriseValues } from './EnterpriseFields';

function valuesOf(e: EnterpriseDetail): EnterpriseValues {
  return {
    name: e.name,
    taxCode: e.taxCode,
    workerCount: String(e.workerCount),
    address: e.address ?? '',
    district: e.district ?? '',
    sector: e.sector ?? '',
    ownership: e.ownership ?? '',
    hasUnion: e.hasUnion,
  };
}

/**
 * Sửa thông tin (updateEnterprise): every field of the enterprise; only the fields changed are sent
 * (an emptied text field as null), so that someone else's edit of other fields stays. A new worker
 * count goes with the day it was counted (default today), which the history keeps.
 */
export function EnterpriseEditForm({ e, onSaved }: { e: EnterpriseDetail; onSaved: (message: string) => void }) {
  const before = valuesOf(e);
  const f = useForm<EnterpriseValues>(before);
  const [countedOn, setCountedOn] = useState(todayVn());
  const v = f.values;
  const countChanged = v.workerCount.trim() !== before.workerCount;
  return (
    <ActionForm
      title="Sửa thông tin doanh nghiệp"
      submitLabel="Lưu thay đổi"
      form={f}
      testId="form-enterprise-edit"
      conflict="Mã số thuế này đã thuộc một doanh nghiệp khác trong sổ."
      onSubmit={async () => {
        const changed = <K extends keyof EnterpriseValues>(k: K) => v[k] !== before[k];
        const text = (k: 'name' | 'taxCode' | 'address' | 'district' | 'sector') => (changed(k) ? { [k]: v[k].trim() || null } : {});
        const input = {
          id: e.id,
          ...text('name'),
          ...text('taxCode'),
          ...text('address'),
          ...text('district'),
          ...text('sector'),
          ...(changed('ownership') ? { ownership: v.ownership || null } : {}),
          ...(changed('hasUnion') ? { hasUnion: v.hasUnion } : {}),
          ...(countChanged ? { workerCount: num(v.workerCount), workerCountOn: day(countedOn) } : {}),
        };
        if (Object.keys(input).length === 1) return 'Không có gì thay đổi.';
        await gql(REGISTER.update, { i: input });
        onSaved('Đã lưu thông tin doanh nghiệp.');
      }}
    >
      <EnterpriseFields f={f} prefix="enterprise-edit" />
      {countChanged && (
        <DateField
          label="Ngày đếm lao động"
          name="workerCountOn"
          value={countedOn}
          onChange={setCountedOn}
          notAfterToday
          hint="Ngày số lao động mới được đếm (dd/mm/yyyy)"
          testId="enterprise-edit-counted-on"
        />
      )}
    </ActionForm>
  );
}
