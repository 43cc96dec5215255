import { MAX_MONEY, formatMoneyVi } from '@app/domain/money';
import { SelectField } from '../../ui/fields';

/** "1.250.000 đ" (amounts come from the API as strings of digits: exact at any size). */
export const money = (v: string | null | undefined): string => (v == null ? '—' : formatMoneyVi(v));

/** What was typed as an amount, as digits for the API ("1.250.000 đ" → "1250000"); anything else is sent as typed, so the API names the field. */
export function moneyInput(text: string | boolean): string {
  const t = String(text).replace(/[\s.đ]/g, '');
  return t;
}

/** What is wrong with an amount typed (whole đồng, 0 or more, "1.250.000" as well as "1250000"); empty is no amount. */
export function moneyProblem(text: string, label: string): string | undefined {
  const t = moneyInput(text);
  if (!t) return undefined;
  if (/^-\d+$/.test(t)) return `${label} không được âm`;
  if (!/^\d+$/.test(t)) return `${label} phải là số đồng nguyên, ví dụ 1.250.000`;
  if (t.length > 19 || BigInt(t) > MAX_MONEY) return `${label} không được lớn hơn ${formatMoneyVi(MAX_MONEY)}`;
  return undefined;
}

export function YearPicker({ year, onChange, thisYear }: { year: number; onChange: (y: number) => void; thisYear: number }) {
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Chọn năm">
      <SelectField
        label="Năm"
        name="year"
        value={String(year)}
        onChange={(v) => onChange(Number(v))}
        options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))}
      />
    </form>
  );
}
