import { useState } from 'react';
import { gql } from '../../api';
import { GRASSROOTS } from '../../queries-grassroots';
import { EnterprisePicker } from '../../ui/enterprise-picker';
import { ActionForm } from '../../ui/forms';

/**
 * The employer of a CĐCS no founding case made (docs/architecture.md#the-employers-funding-type), recorded by the upper
 * level from its enterprise register: its funding type then decides the CĐCS's admissions (Công văn 4173/TLĐ-ToC).
 */
export function EmployerForm(p: { unitId: string; employerId: string | null; onDone: (message: string) => void }) {
  const [enterpriseId, setEnterpriseId] = useState('');
  return (
    <ActionForm
      title="Đơn vị sử dụng lao động"
      submitLabel="Ghi đơn vị sử dụng lao động"
      testId="form-union-employer"
      actions={
        p.employerId ? (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="union-employer-clear"
            onClick={async () => {
              await gql(GRASSROOTS.setEmployer, { i: { grassrootsUnionId: p.unitId, enterpriseId: null } });
              p.onDone('Đã bỏ đơn vị sử dụng lao động.');
            }}
          >
            Bỏ đơn vị đã ghi
          </button>
        ) : undefined
      }
      onSubmit={async () => {
        if (!enterpriseId) return 'Hãy chọn một doanh nghiệp trong sổ.';
        const u = (await gql(GRASSROOTS.setEmployer, { i: { grassrootsUnionId: p.unitId, enterpriseId } })).setGrassrootsEmployer;
        p.onDone(`Đã ghi đơn vị sử dụng lao động: ${u.employerName ?? ''}.`);
      }}
    >
      <EnterprisePicker
        label="Doanh nghiệp (trong sổ doanh nghiệp)"
        name="enterpriseId"
        value={enterpriseId}
        onChange={setEnterpriseId}
        testId="union-employer-picker"
      />
    </ActionForm>
  );
}
