import { useState } from 'react';
import { gql } from '../../api';
import { fmtDate, fmtDateTime, labelOf, optionsOf } from '../../i18n';
import { FUNDING_TYPE_LABEL, WORKER_COUNT_SOURCE_LABEL } from '../../i18n-registers';
import type { FundingType } from '../../generated/graphql';
import { REGISTER, type EnterpriseDetail, type FundingTypeEntry } from '../../queries-register';
import { DateField, SelectField } from '../../ui/fields';
import { day, todayVn } from '../../ui/form-values';
import { ActionForm } from '../../ui/forms';

/**
 * The employer's funding type over time (docs/architecture.md#the-employers-funding-type): each type with the day it
 * holds from, latest first. An employer wholly funded by the state budget takes no admissions (Công văn 4173/TLĐ-ToC).
 */
export function FundingTypeHistory({ entries }: { entries: FundingTypeEntry[] }) {
  return (
    <section className="panel" aria-labelledby="ft-title">
      <h2 id="ft-title">Lịch sử loại hình tài chính</h2>
      {entries.length === 0 ? (
        <p className="muted">Chưa ghi loại hình tài chính.</p>
      ) : (
        <ul className="case-list" data-testid="funding-history">
          {entries.map((f, i) => (
            <li key={`${f.recordedAt}-${i}`} data-testid="funding-history-row" data-funding-type={f.fundingType} data-valid-from={f.validFrom}>
              <strong>{labelOf(FUNDING_TYPE_LABEL, f.fundingType)}</strong> từ ngày {fmtDate(f.validFrom)}
              <small className="muted block">
                {labelOf(WORKER_COUNT_SOURCE_LABEL, f.source as 'MANUAL' | 'IMPORT')} · {f.recordedBy?.fullName ?? '—'} · {fmtDateTime(f.recordedAt)}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Ghi loại hình tài chính (updateEnterprise's fundingType with the day it holds from, default today). */
export function FundingTypeForm({ e, onDone }: { e: EnterpriseDetail; onDone: (message: string) => void }) {
  const [fundingType, setFundingType] = useState<FundingType | ''>(e.fundingType ?? '');
  const [from, setFrom] = useState(todayVn());
  return (
    <ActionForm
      title="Loại hình tài chính"
      submitLabel="Ghi loại hình tài chính"
      testId="form-funding-type"
      onSubmit={async () => {
        if (!fundingType) return 'Hãy chọn loại hình tài chính.';
        await gql(REGISTER.update, { i: { id: e.id, fundingType, fundingTypeFrom: day(from) } });
        onDone(`Đã ghi loại hình tài chính từ ngày ${fmtDate(day(from))}.`);
      }}
    >
      <SelectField
        label="Loại hình tài chính"
        name="fundingType"
        value={fundingType}
        onChange={setFundingType}
        testId="funding-type"
        options={[{ value: '' as const, label: '— Chọn —' }, ...optionsOf(FUNDING_TYPE_LABEL)]}
      />
      <DateField label="Áp dụng từ ngày" name="fundingTypeFrom" value={from} onChange={setFrom} notAfterToday testId="funding-type-from" />
    </ActionForm>
  );
}
