import { IsoDate, LabourContractKind, Sex, checkCitizenId } from '@app/domain';
import { ColumnOf, RowChecker, defineImportKind } from './column-spec';
import { choiceType, dateType, textType } from './column-types';

/** A CĐCS's staff list (danh sách người lao động) as the enterprise's HR office keeps it. */
export interface StaffImportRow {
  fullName: string;
  /** As read: 12 digits, or 11 when Excel dropped the leading 0 (checked and restored against birth date and sex). */
  citizenId: string;
  birthDate: IsoDate;
  sex: Sex;
  job: string | null;
  contractKind: LabourContractKind | null;
  phone: string | null;
}

export const STAFF_HEADINGS = {
  fullName: 'Họ và tên',
  citizenId: 'Số CCCD',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  job: 'Công việc',
  contractKind: 'Loại hợp đồng lao động',
  phone: 'Số điện thoại',
} as const satisfies Record<keyof StaffImportRow, string>;

const SEX_CHOICES = [
  { value: Sex.MALE, label: 'Nam', aliases: ['M', 'Male'] },
  { value: Sex.FEMALE, label: 'Nữ', aliases: ['F', 'Female'] },
] as const;

const CONTRACT_CHOICES = [
  { value: LabourContractKind.INDEFINITE, label: 'Không xác định thời hạn', aliases: ['Không thời hạn', 'KXĐTH', 'Vô thời hạn'] },
  { value: LabourContractKind.FIXED_TERM, label: 'Xác định thời hạn', aliases: ['Có thời hạn', 'XĐTH'] },
  { value: LabourContractKind.OTHER, label: 'Khác', aliases: ['Thời vụ', 'Không có hợp đồng'] },
] as const;

const COLUMNS: readonly ColumnOf<StaffImportRow>[] = [
  {
    key: 'fullName',
    heading: STAFF_HEADINGS.fullName,
    aliases: ['Họ tên', 'Tên người lao động'],
    required: true,
    type: textType({ maxLength: 255 }),
    width: 30,
  },
  {
    key: 'citizenId',
    heading: STAFF_HEADINGS.citizenId,
    aliases: ['CCCD', 'Số căn cước công dân', 'Số căn cước', 'Số định danh cá nhân'],
    required: true,
    type: textType({ maxLength: 20 }),
    width: 16,
  },
  { key: 'birthDate', heading: STAFF_HEADINGS.birthDate, required: true, type: dateType(), width: 12 },
  { key: 'sex', heading: STAFF_HEADINGS.sex, aliases: ['Giới'], required: true, type: choiceType(SEX_CHOICES), width: 8 },
  { key: 'job', heading: STAFF_HEADINGS.job, aliases: ['Chức danh', 'Vị trí việc làm'], required: false, type: textType({ maxLength: 255 }), width: 24 },
  {
    key: 'contractKind',
    heading: STAFF_HEADINGS.contractKind,
    aliases: ['Loại hợp đồng', 'Loại HĐLĐ'],
    required: false,
    type: choiceType(CONTRACT_CHOICES),
    width: 24,
  },
  { key: 'phone', heading: STAFF_HEADINGS.phone, aliases: ['Điện thoại'], required: false, type: textType({ maxLength: 20 }), width: 14 },
];

/** The citizen id against the birth date and sex of its row, and each citizen id once in the file. */
function staffChecker(): RowChecker<StaffImportRow> {
  const seen = new Map<string, number>();
  return ({ rowNumber, values }) => {
    if (values.citizenId === undefined || !values.birthDate || !values.sex) return [];
    const r = checkCitizenId(values.citizenId, values.birthDate, values.sex);
    if (!r.ok) return [{ column: STAFF_HEADINGS.citizenId, message: r.message }];
    const first = seen.get(r.value);
    if (first !== undefined) return [{ column: STAFF_HEADINGS.citizenId, message: `Số CCCD ${r.value} trùng với dòng ${first}` }];
    seen.set(r.value, rowNumber);
    return [];
  };
}

export const STAFF_IMPORT = defineImportKind<StaffImportRow>({ id: 'staff', label: 'Danh sách người lao động', columns: COLUMNS, checker: staffChecker });
