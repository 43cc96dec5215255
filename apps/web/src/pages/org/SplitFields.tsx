import type { UnitLine } from '../../queries-accounts';
import { CheckboxField, SelectField, TextArea } from '../../ui/fields';

/** The new units' names, one per line (blank lines left out). */
export function splitNames(text: string): string[] {
  return text
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Where each child unit goes: the index of a new unit, or -1 to stay with a kept unit (default: the first new unit, or stay when kept). */
export function partOf(assign: Readonly<Record<string, string>>, childId: string, keep: boolean): number {
  const v = assign[childId];
  return v === undefined || v === '' ? (keep ? -1 : 0) : Number(v);
}

/**
 * A split's fields (docs/architecture.md#restructuring): the new units' names, whether the unit goes on (tách) and,
 * for each child unit, the new unit that takes it. Enterprises, open cases, accounts and the year target go with the
 * first new unit (or stay with a kept unit); the API can also give them to another part.
 */
export function SplitFields(p: {
  children: UnitLine[];
  names: string;
  onNames: (v: string) => void;
  keep: boolean;
  onKeep: (v: boolean) => void;
  assign: Record<string, string>;
  onAssign: (childId: string, v: string) => void;
  invalid?: Set<string>;
}) {
  const names = splitNames(p.names);
  const options = [...(p.keep ? [{ value: '-1', label: 'Ở lại đơn vị cũ' }] : []), ...names.map((n, i) => ({ value: String(i), label: n }))];
  return (
    <>
      <TextArea
        label="Các đơn vị mới (mỗi dòng một tên)"
        name="parts"
        required
        rows={3}
        testId="restructure-split-names"
        value={p.names}
        onChange={p.onNames}
      />
      <CheckboxField
        label="Giữ lại đơn vị cũ (tách một phần ra thành đơn vị mới)"
        name="keepOriginal"
        testId="restructure-split-keep"
        checked={p.keep}
        onChange={p.onKeep}
        invalid={p.invalid}
      />
      {p.children.length > 0 && names.length > 0 && (
        <div className="grid-2" data-testid="restructure-split-children">
          {p.children.map((c) => (
            <SelectField
              key={c.id}
              label={`${c.name} chuyển về`}
              testId={`restructure-split-child-${c.id}`}
              name={`child-${c.id}`}
              value={String(partOf(p.assign, c.id, p.keep))}
              onChange={(v) => p.onAssign(c.id, v)}
              options={options}
            />
          ))}
        </div>
      )}
      <p className="muted small">
        {p.keep
          ? 'Doanh nghiệp, hồ sơ đang mở, tài khoản cán bộ và chỉ tiêu năm ở lại đơn vị cũ.'
          : 'Đơn vị cũ giải thể; doanh nghiệp, hồ sơ đang mở, tài khoản cán bộ và chỉ tiêu năm chuyển về đơn vị mới thứ nhất.'}
      </p>
    </>
  );
}
