import { OWNERSHIP_LABEL, optionsOf } from '../../i18n';
import { ENTERPRISE_SORT_LABEL } from '../../i18n-registers';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import type { RegisterFilterState } from './filter';

/** The register's search, filters and sort; every change applies (the page waits for typing to pause). */
export function RegisterFilters(p: {
  value: RegisterFilterState;
  onChange: (next: RegisterFilterState) => void;
  units: { value: string; label: string }[] | null;
}) {
  const v = p.value;
  const set =
    <K extends keyof RegisterFilterState>(k: K) =>
    (x: RegisterFilterState[K]) =>
      p.onChange({ ...v, [k]: x });
  return (
    <form className="filters register-filters" role="search" aria-label="Tìm và lọc doanh nghiệp" onSubmit={(e) => e.preventDefault()}>
      <TextField
        label="Tìm theo tên hoặc mã số thuế"
        name="search"
        value={v.search}
        onChange={set('search')}
        placeholder="Gõ có dấu hoặc không dấu"
        testId="register-search"
      />
      {p.units && p.units.length > 1 && (
        <SelectField
          label="Đơn vị"
          name="orgUnitId"
          value={v.orgUnitId}
          onChange={set('orgUnitId')}
          testId="register-filter-unit"
          options={[{ value: '', label: 'Tất cả đơn vị' }, ...p.units]}
        />
      )}
      <TextField label="Huyện/Xã" name="district" value={v.district} onChange={set('district')} testId="register-filter-district" />
      <TextField label="Ngành" name="sector" value={v.sector} onChange={set('sector')} testId="register-filter-sector" />
      <SelectField
        label="Loại hình"
        name="ownership"
        value={v.ownership}
        onChange={set('ownership')}
        testId="register-filter-ownership"
        options={[{ value: '' as const, label: 'Tất cả loại hình' }, ...optionsOf(OWNERSHIP_LABEL)]}
      />
      <SelectField
        label="Công đoàn"
        name="hasUnion"
        value={v.union}
        onChange={set('union')}
        testId="register-filter-union"
        options={[
          { value: '', label: 'Tất cả' },
          { value: 'yes', label: 'Đã có công đoàn' },
          { value: 'no', label: 'Chưa có công đoàn' },
        ]}
      />
      <SelectField
        label="Hồ sơ thành lập"
        name="caseStatus"
        value={v.caseStatus}
        onChange={set('caseStatus')}
        testId="register-filter-case"
        options={[
          { value: '', label: 'Tất cả' },
          { value: 'OPEN_CASE', label: 'Có hồ sơ đang mở' },
          { value: 'NO_CASE', label: 'Chưa có hồ sơ' },
          { value: 'NO_OPEN_CASE', label: 'Không có hồ sơ đang mở' },
        ]}
      />
      <SelectField label="Sắp xếp" name="sort" value={v.sort} onChange={set('sort')} testId="register-sort" options={optionsOf(ENTERPRISE_SORT_LABEL)} />
      <CheckboxField label="Từ 25 lao động" name="minWorkers" checked={v.min25} onChange={set('min25')} testId="register-filter-25" />
      <CheckboxField
        label="Gồm cả doanh nghiệp đã ngừng hoạt động"
        name="includeClosed"
        checked={v.includeClosed}
        onChange={set('includeClosed')}
        testId="register-filter-closed"
      />
    </form>
  );
}
