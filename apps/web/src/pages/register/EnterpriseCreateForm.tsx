import { useState } from 'react';
import { gql } from '../../api';
import { REGISTER } from '../../queries-register';
import { navigate } from '../../router';
import { SelectField } from '../../ui/fields';
import { num } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';
import { EnterpriseFields, type EnterpriseValues } from './EnterpriseFields';

const BLANK: EnterpriseValues = { name: '', taxCode: '', workerCount: '', address: '', district: '', sector: '', ownership: '', hasUnion: false };
const orNull = (s: string) => s.trim() || null;

/** Thêm doanh nghiệp (createEnterprise): into one of the caller's units; then its page opens. */
export function EnterpriseCreateForm({ units, defaultUnit }: { units: { value: string; label: string }[]; defaultUnit: string }) {
  const f = useForm<EnterpriseValues>(BLANK);
  const [orgUnitId, setOrgUnitId] = useState(defaultUnit);
  const v = f.values;
  return (
    <ActionForm
      title="Thêm doanh nghiệp vào sổ"
      submitLabel="Thêm doanh nghiệp"
      form={f}
      testId="form-enterprise-create"
      conflict="Đã có doanh nghiệp với mã số thuế này trong sổ."
      onSubmit={async () => {
        const d = await gql(REGISTER.create, {
          i: {
            name: v.name.trim(),
            taxCode: v.taxCode.trim(),
            workerCount: num(v.workerCount),
            address: orNull(v.address),
            district: orNull(v.district),
            sector: orNull(v.sector),
            ownership: v.ownership || null,
            hasUnion: v.hasUnion,
            orgUnitId: orgUnitId || null,
          },
        });
        navigate(`/doanh-nghiep/${d.createEnterprise.id}`);
      }}
    >
      {units.length > 1 && (
        <SelectField label="Đơn vị quản lý" name="orgUnitId" value={orgUnitId} onChange={setOrgUnitId} testId="enterprise-create-unit" options={units} />
      )}
      <EnterpriseFields f={f} prefix="enterprise-create" />
    </ActionForm>
  );
}
