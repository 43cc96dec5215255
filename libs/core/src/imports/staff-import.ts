import { IsoDate, LEAVE_REASON_LABEL_VI, LabourContractKind, LeaveReason, MemberStatus, Sex, checkCitizenId } from '@app/domain';
import { ColumnOf, ColumnType, RowChecker, defineImportKind } from './column-spec';
import { choiceType, dateType, textType } from './column-types';

/**
 * A CĐCS's staff list (danh sách người lao động) as the enterprise's HR office keeps it, and as the register exports
 * it: the membership columns and the person's code come last (docs/architecture.md#grassroots-unions).
 */
export interface StaffImportRow {
  fullName: string;
  /** As read: 12 digits, or 11 when Excel dropped the leading 0 (checked and restored against birth date and sex). */
  citizenId: string | null;
  birthDate: IsoDate | null;
  sex: Sex;
  job: string | null;
  contractKind: LabourContractKind | null;
  phone: string | null;
  /** The membership columns: read only, compared with the register (an import never admits nor ends a membership). */
  memberStatus: MemberStatus | null;
  admittedOn: IsoDate | null;
  decisionNumber: string | null;
  leftOn: IsoDate | null;
  leftReason: LeaveReason | null;
  unionGroup: string | null;
  /** The person's id on the staff list, written by the export: how a row without a citizen id finds its person. */
  staffCode: string | null;
}

export const STAFF_HEADINGS = {
  fullName: 'Họ và tên',
  citizenId: 'Số CCCD',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  job: 'Công việc',
  contractKind: 'Loại hợp đồng lao động',
  phone: 'Số điện thoại',
  memberStatus: 'Tình trạng đoàn viên',
  admittedOn: 'Ngày kết nạp',
  decisionNumber: 'Số quyết định kết nạp',
  leftOn: 'Ngày ra khỏi tổ chức',
  leftReason: 'Lý do ra khỏi tổ chức',
  unionGroup: 'Tổ công đoàn',
  staffCode: 'Mã người lao động',
} as const satisfies Record<keyof StaffImportRow, string>;

/** The columns an import compares with the register and never writes. */
export const STAFF_MEMBERSHIP_KEYS = ['memberStatus', 'admittedOn', 'decisionNumber', 'leftOn', 'leftReason', 'unionGroup'] as const;

const SEX_CHOICES = [
  { value: Sex.MALE, label: 'Nam', aliases: ['M', 'Male'] },
  { value: Sex.FEMALE, label: 'Nữ', aliases: ['F', 'Female'] },
] as const;

const CONTRACT_CHOICES = [
  { value: LabourContractKind.INDEFINITE, label: 'Không xác định thời hạn', aliases: ['Không thời hạn', 'KXĐTH', 'Vô thời hạn'] },
  { value: LabourContractKind.FIXED_TERM, label: 'Xác định thời hạn', aliases: ['Có thời hạn', 'XĐTH'] },
  { value: LabourContractKind.OTHER, label: 'Khác', aliases: ['Thời vụ', 'Không có hợp đồng'] },
] as const;

/** As the members page shows a status. */
export const MEMBER_STATUS_LABEL_VI: Readonly<Record<MemberStatus, string>> = Object.freeze({
  [MemberStatus.NOT_MEMBER]: 'Chưa là đoàn viên',
  [MemberStatus.MEMBER]: 'Đoàn viên',
  [MemberStatus.LEFT]: 'Đã ra khỏi tổ chức',
});

const STATUS_CHOICES = [
  { value: MemberStatus.NOT_MEMBER, label: MEMBER_STATUS_LABEL_VI.NOT_MEMBER, aliases: ['Chưa vào công đoàn'] },
  { value: MemberStatus.MEMBER, label: MEMBER_STATUS_LABEL_VI.MEMBER, aliases: ['Đang sinh hoạt'] },
  { value: MemberStatus.LEFT, label: MEMBER_STATUS_LABEL_VI.LEFT, aliases: ['Đã thôi sinh hoạt', 'Đã ra'] },
];

const LEAVE_ALIASES: Partial<Record<LeaveReason, string[]>> = { [LeaveReason.TRANSFERRED]: ['Chuyển sinh hoạt'], [LeaveReason.WITHDREW]: ['Xin ra'] };
const LEAVE_CHOICES = Object.values(LeaveReason).map((value) => ({ value, label: LEAVE_REASON_LABEL_VI[value], aliases: LEAVE_ALIASES[value] ?? [] }));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The export's code of a person (its staff row's id), kept as written. */
function staffCodeType(): ColumnType<string> {
  const text = textType({ maxLength: 36 });
  return {
    parse(cell, heading) {
      const r = text.parse(cell, heading);
      if (!r.ok) return r;
      return UUID.test(r.value)
        ? { ok: true, value: r.value.toLowerCase() }
        : { ok: false, message: `${heading} “${r.value}” không hợp lệ: hãy giữ nguyên mã trong tệp xuất từ hệ thống, hoặc để trống cho người mới` };
    },
    format: (value) => value,
  };
}

const COLUMNS: readonly ColumnOf<StaffImportRow>[] = [
  {
    key: 'fullName',
    heading: STAFF_HEADINGS.fullName,
    aliases: ['Họ tên', 'Tên người lao động'],
    required: true,
    type: textType({ maxLength: 255 }),
    width: 30,
  },
  // Not required: a person already on the list may have none (founders recorded from their applications); a new
  // person needs both, which the service checks (StaffImportService).
  {
    key: 'citizenId',
    heading: STAFF_HEADINGS.citizenId,
    aliases: ['CCCD', 'Số căn cước công dân', 'Số căn cước', 'Số định danh cá nhân'],
    required: false,
    type: textType({ maxLength: 20 }),
    width: 16,
  },
  { key: 'birthDate', heading: STAFF_HEADINGS.birthDate, required: false, type: dateType(), width: 12 },
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
  { key: 'memberStatus', heading: STAFF_HEADINGS.memberStatus, aliases: ['Tình trạng'], required: false, type: choiceType(STATUS_CHOICES), width: 18 },
  { key: 'admittedOn', heading: STAFF_HEADINGS.admittedOn, required: false, type: dateType(), width: 12 },
  {
    key: 'decisionNumber',
    heading: STAFF_HEADINGS.decisionNumber,
    aliases: ['Số QĐ kết nạp', 'Quyết định kết nạp'],
    required: false,
    type: textType({ maxLength: 100 }),
    width: 18,
  },
  { key: 'leftOn', heading: STAFF_HEADINGS.leftOn, aliases: ['Ngày thôi sinh hoạt', 'Ngày ra'], required: false, type: dateType(), width: 12 },
  {
    key: 'leftReason',
    heading: STAFF_HEADINGS.leftReason,
    aliases: ['Lý do thôi sinh hoạt', 'Lý do ra'],
    required: false,
    type: choiceType(LEAVE_CHOICES),
    width: 24,
  },
  { key: 'unionGroup', heading: STAFF_HEADINGS.unionGroup, aliases: ['Tổ CĐ'], required: false, type: textType({ maxLength: 200 }), width: 18 },
  { key: 'staffCode', heading: STAFF_HEADINGS.staffCode, aliases: ['Mã NLĐ'], required: false, type: staffCodeType(), width: 38 },
];

/** A citizen id as the service will store it, for finding it twice in a file: 11 digits get back their leading 0. */
export const citizenIdKey = (s: string): string => {
  const raw = s.replace(/[\s.]/g, '');
  return /^\d{11}$/.test(raw) ? `0${raw}` : raw;
};

/** The citizen id against the birth date and sex of its row, each citizen id and each person's code once in the file. */
function staffChecker(): RowChecker<StaffImportRow> {
  const seenIds = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  return ({ rowNumber, values }) => {
    const errors = [];
    if (values.staffCode) {
      const first = seenCodes.get(values.staffCode);
      if (first !== undefined) errors.push({ column: STAFF_HEADINGS.staffCode, message: `Mã người lao động trùng với dòng ${first}` });
      else seenCodes.set(values.staffCode, rowNumber);
    }
    if (!values.citizenId) return errors;
    if (values.birthDate && values.sex) {
      const r = checkCitizenId(values.citizenId, values.birthDate, values.sex);
      if (!r.ok) return [...errors, { column: STAFF_HEADINGS.citizenId, message: r.message }];
    }
    const key = citizenIdKey(values.citizenId);
    const first = seenIds.get(key);
    if (first !== undefined) return [...errors, { column: STAFF_HEADINGS.citizenId, message: `Số CCCD ${key} trùng với dòng ${first}` }];
    seenIds.set(key, rowNumber);
    return errors;
  };
}

export const STAFF_IMPORT = defineImportKind<StaffImportRow>({ id: 'staff', label: 'Danh sách người lao động', columns: COLUMNS, checker: staffChecker });
