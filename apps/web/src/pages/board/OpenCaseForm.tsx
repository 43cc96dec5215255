import { useEffect, useState } from 'react';
import { gql } from '../../api';
import { fmtNumber } from '../../i18n';
import { M, Q } from '../../queries';
import { navigate } from '../../router';
import { SelectField } from '../../ui/fields';
import { ActionForm } from '../../ui/forms';
import { Disclosure } from '../../ui/page';
import { useAsync } from '../../ui/use-async';
import { useUnitUsers } from '../../units';

/** Opens a case for an enterprise of the caller's units that has no union and no open case. */
export function OpenCaseForm() {
  const [enterpriseId, setEnterpriseId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const ents = useAsync(async () => (await gql(Q.enterprisesWithoutCase, { f: { hasUnion: false } })).enterprises.nodes.filter((e) => !e.openCase), []);
  // The case lives in the enterprise's unit: its active officers and supervisors can be assigned.
  const unitId = ents.data?.find((e) => e.id === enterpriseId)?.orgUnit.id;
  const people = useUnitUsers(unitId ? [{ id: unitId }] : []);
  const assignable = (people.data ?? []).filter((u) => u.role === 'OFFICER' || u.role === 'SUPERVISOR');
  useEffect(() => setAssigneeId(''), [unitId]);
  return (
    <Disclosure summary="Mở hồ sơ thành lập mới">
      <ActionForm
        title="Mở hồ sơ cho doanh nghiệp chưa có công đoàn"
        submitLabel="Mở hồ sơ"
        conflict="Doanh nghiệp này đã có hồ sơ đang mở."
        onSubmit={async () => {
          const d = await gql(M.open, { i: { enterpriseId: enterpriseId || null, assigneeId: assigneeId || null } });
          navigate(`/ho-so/${d.openFoundingCase.id}`);
        }}
      >
        <div className="grid-2">
          <SelectField
            label="Doanh nghiệp"
            name="enterpriseId"
            required
            value={enterpriseId}
            onChange={setEnterpriseId}
            options={[
              { value: '', label: ents.loading ? 'Đang tải…' : '— Chọn doanh nghiệp —' },
              ...(ents.data ?? []).map((e) => ({ value: e.id, label: `${e.name} (${fmtNumber(e.workerCount)} LĐ)` })),
            ]}
          />
          <SelectField
            label="Cán bộ phụ trách"
            name="assigneeId"
            value={assigneeId}
            onChange={setAssigneeId}
            options={[
              {
                value: '',
                label: !unitId
                  ? 'Chưa phân công (chọn doanh nghiệp để xem cán bộ)'
                  : people.loading && !people.data
                    ? 'Đang tải danh sách cán bộ…'
                    : 'Chưa phân công',
              },
              ...assignable.map((o) => ({ value: o.id, label: o.role === 'SUPERVISOR' ? `${o.fullName} (Ban Thường vụ)` : o.fullName })),
            ]}
          />
        </div>
      </ActionForm>
    </Disclosure>
  );
}
