import { useEffect, useState } from 'react';
import { gql } from '../../api';
import { M } from '../../queries';
import { navigate } from '../../router';
import { EnterprisePicker, PickedEnterprise } from '../../ui/enterprise-picker';
import { SelectField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { Disclosure } from '../../ui/page';
import { useUnitUsers } from '../../units';

/** Only enterprises a case may be opened for: no union, no open case (closed ones are left out by default). */
const OPENABLE = { hasUnion: false, caseStatus: 'NO_OPEN_CASE' } as const;

/** Opens a case for an enterprise of the caller's units that has no union and no open case, found by typing. */
export function OpenCaseForm() {
  const f = useForm({ enterpriseId: '', assigneeId: '' });
  const [picked, setPicked] = useState<PickedEnterprise | null>(null);
  // The case lives in the enterprise's unit: its active officers and supervisors can be assigned.
  const unitId = picked?.orgUnit.id;
  const people = useUnitUsers(unitId ? [{ id: unitId }] : []);
  const assignable = (people.data ?? []).filter((u) => u.role === 'OFFICER' || u.role === 'SUPERVISOR');
  useEffect(() => f.set('assigneeId')(''), [unitId]);
  return (
    <Disclosure summary="Mở hồ sơ thành lập mới">
      <ActionForm
        title="Mở hồ sơ cho doanh nghiệp chưa có công đoàn"
        submitLabel="Mở hồ sơ"
        conflict="Doanh nghiệp này đã có hồ sơ đang mở."
        form={f}
        testId="open-case"
        onSubmit={async () => {
          const { enterpriseId, assigneeId } = f.values;
          const d = await gql(M.open, { i: { enterpriseId: enterpriseId || null, assigneeId: assigneeId || null } });
          navigate(`/ho-so/${d.openFoundingCase.id}`);
        }}
      >
        <div className="grid-2">
          <EnterprisePicker
            label="Doanh nghiệp"
            required
            testId="open-case-enterprise"
            {...f.field('enterpriseId')}
            onPick={setPicked}
            filter={OPENABLE}
            emptyText="Không có doanh nghiệp phù hợp chưa có công đoàn và chưa có hồ sơ đang mở."
          />
          <SelectField
            label="Cán bộ phụ trách"
            {...f.field('assigneeId')}
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
