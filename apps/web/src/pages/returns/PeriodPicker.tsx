import type { ReturnPeriodKind } from '../../generated/graphql';
import { vnYear } from '../../i18n';
import { KIND_LABEL } from '../../i18n-returns';
import { SelectField } from '../../ui/fields';

/** The period of a return: its kind (6 tháng / năm) and year. */
export function PeriodPicker(p: { kind: ReturnPeriodKind; year: number; onChange: (kind: ReturnPeriodKind, year: number) => void }) {
  const years = Array.from({ length: 6 }, (_, i) => String(vnYear() + 1 - i));
  if (!years.includes(String(p.year))) years.push(String(p.year));
  return (
    <div className="toolbar" data-testid="return-period">
      <SelectField<ReturnPeriodKind>
        label="Kỳ báo cáo"
        name="kind"
        value={p.kind}
        onChange={(k) => p.onChange(k, p.year)}
        options={(['HALF_YEAR', 'YEAR'] as ReturnPeriodKind[]).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
        testId="return-kind"
      />
      <SelectField
        label="Năm"
        name="year"
        value={String(p.year)}
        onChange={(y) => p.onChange(p.kind, Number(y))}
        options={years.map((y) => ({ value: y, label: y }))}
        testId="return-year"
      />
    </div>
  );
}
