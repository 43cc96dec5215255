import { OWNERSHIP_LABEL, optionsOf } from '../../i18n';
import type { Ownership } from '../../queries-register';
import { CheckboxField, NumberField, SelectField, TextField } from '../../ui/fields';
import type { useForm } from '../../ui/forms';

/** What the create and edit forms of an enterprise hold. */
export type EnterpriseValues = {
  name: string;
  taxCode: string;
  workerCount: string;
  address: string;
  district: string;
  sector: string;
  ownership: Ownership | '';
  hasUnion: boolean;
};

type EnterpriseForm = ReturnType<typeof useForm<EnterpriseValues>>;

/** The enterprise's own fields, shared by the create and the edit form (`workerCountOn` comes after them in the edit form). */
export function EnterpriseFields({ f, prefix }: { f: EnterpriseForm; prefix: string }) {
  return (
    <>
      <div className="grid-2">
        <TextField label="Tên doanh nghiệp" required testId={`${prefix}-name`} {...f.field('name')} />
        <TextField
          label="Mã số thuế"
          required
          inputMode="numeric"
          hint="10 chữ số, hoặc 10 chữ số-3 chữ số chi nhánh"
          testId={`${prefix}-tax-code`}
          {...f.field('taxCode')}
        />
      </div>
      <TextField label="Địa chỉ" testId={`${prefix}-address`} {...f.field('address')} />
      <div className="grid-3">
        <TextField label="Huyện/Xã" testId={`${prefix}-district`} {...f.field('district')} />
        <TextField label="Ngành" testId={`${prefix}-sector`} {...f.field('sector')} />
        <SelectField
          label="Loại hình"
          testId={`${prefix}-ownership`}
          {...f.field('ownership')}
          options={[{ value: '' as const, label: '— Chưa rõ —' }, ...optionsOf(OWNERSHIP_LABEL)]}
        />
      </div>
      <NumberField label="Số lao động" required min={0} testId={`${prefix}-workers`} {...f.field('workerCount')} />
      <CheckboxField label="Đã có công đoàn cơ sở" testId={`${prefix}-has-union`} {...f.checkbox('hasUnion')} />
    </>
  );
}
