import { LabourContractKind, Sex, checkCitizenId, isIsoDate } from '@app/domain';
import { FieldProblems } from '../common/field-problems';
import { MAX_NAME } from '../common/text-input';

/** A person of a CĐCS's staff list as given by a caller (addStaff, updateStaff, a row of an imported list). */
export interface StaffFields {
  fullName: string;
  citizenId: string;
  birthDate: string;
  sex: Sex;
  job?: string | null;
  contractKind?: LabourContractKind | null;
  contractMonths?: number | null;
  phone?: string | null;
  nationality?: string | null;
  isManager?: boolean | null;
  servingSentence?: boolean | null;
}

/** The fields as stored: text NFC and trimmed, the citizen id's 12 digits (a lost leading 0 put back). */
export interface StaffValues {
  fullName: string;
  citizenId: string;
  birthDate: string;
  birthYear: number;
  sex: Sex;
  job: string | null;
  contractKind: LabourContractKind | null;
  contractMonths: number | null;
  phone: string | null;
  nationality: string;
  isManager: boolean;
  servingSentence: boolean;
}

const text = (v: string | null | undefined): string => (v ?? '').normalize('NFC').trim();

/** The fields of a person already on the list: it may have no citizen id nor birth date (founders recorded from applications). */
export interface KnownStaffValues extends Omit<StaffValues, 'citizenId' | 'birthDate'> {
  citizenId: string | null;
  birthDate: string | null;
}

/** Checks every field at once (Vietnamese messages in `problems`); `today` bounds the birth date (15 to 100 years old). */
export function staffValues(problems: FieldProblems, f: StaffFields, today: string): StaffValues {
  return checkStaff(problems, f, today, null) as StaffValues;
}

/**
 * As staffValues, for a person already on the list whose birth year is `birthYear` (the staff-list import, matched by
 * its code): an empty citizen id or birth date is allowed (none is kept), a citizen id is checked against the birth date.
 */
export function knownStaffValues(
  problems: FieldProblems,
  f: Omit<StaffFields, 'citizenId' | 'birthDate'> & { citizenId: string | null; birthDate: string | null },
  today: string,
  birthYear: number,
): KnownStaffValues {
  return checkStaff(problems, { ...f, citizenId: f.citizenId ?? '', birthDate: f.birthDate ?? '' }, today, birthYear);
}

function checkStaff(problems: FieldProblems, f: StaffFields, today: string, knownBirthYear: number | null): KnownStaffValues {
  const known = knownBirthYear !== null;
  const fullName = text(f.fullName);
  if (!fullName) problems.add('fullName', 'Họ tên không được để trống');
  else if (fullName.length > MAX_NAME) problems.add('fullName', `Họ tên không được dài quá ${MAX_NAME} ký tự`);
  const sex = f.sex;
  if (sex !== Sex.MALE && sex !== Sex.FEMALE) problems.add('sex', 'Giới tính phải là nam hoặc nữ');
  let birthYear = knownBirthYear ?? 0;
  const noBirthDate = known && !f.birthDate;
  if (noBirthDate) {
    // The year the list already has stands.
  } else if (!isIsoDate(f.birthDate)) problems.add('birthDate', 'Ngày sinh không hợp lệ');
  else {
    birthYear = Number(f.birthDate.slice(0, 4));
    const thisYear = Number(today.slice(0, 4));
    if (f.birthDate > today || birthYear > thisYear - 15) problems.add('birthDate', 'Người lao động phải đủ 15 tuổi');
    else if (birthYear < thisYear - 100) problems.add('birthDate', 'Ngày sinh quá xa (hơn 100 năm trước)');
  }
  let citizenId: string | null = text(f.citizenId);
  if (known && !citizenId) citizenId = null;
  else if (noBirthDate) problems.add('birthDate', 'Cần ghi Ngày sinh để kiểm tra Số CCCD');
  else if (!problems.has('birthDate') && !problems.has('sex')) {
    const r = checkCitizenId(citizenId, f.birthDate, sex);
    if (r.ok) citizenId = r.value;
    else problems.add('citizenId', r.message);
  } else if (!/^\d{11,12}$/.test(citizenId)) problems.add('citizenId', 'Số CCCD phải gồm đúng 12 chữ số');
  const job = text(f.job) || null;
  if (job && job.length > MAX_NAME) problems.add('job', `Công việc không được dài quá ${MAX_NAME} ký tự`);
  const contractKind = f.contractKind ?? null;
  if (contractKind && !Object.values(LabourContractKind).includes(contractKind)) problems.add('contractKind', 'Loại hợp đồng lao động không hợp lệ');
  const contractMonths = f.contractMonths ?? null;
  if (contractMonths !== null && (!Number.isInteger(contractMonths) || contractMonths < 1 || contractMonths > 600)) {
    problems.add('contractMonths', 'Thời hạn hợp đồng phải từ 1 đến 600 tháng');
  }
  const phone = text(f.phone).replace(/[\s.-]/g, '') || null;
  if (phone && !/^\+?\d{9,15}$/.test(phone)) problems.add('phone', 'Số điện thoại không hợp lệ');
  const nationality = text(f.nationality) || 'Việt Nam';
  if (nationality.length > 100) problems.add('nationality', 'Quốc tịch không được dài quá 100 ký tự');
  return {
    fullName,
    citizenId,
    birthDate: noBirthDate ? null : f.birthDate,
    birthYear,
    sex,
    job,
    contractKind,
    contractMonths,
    phone,
    nationality,
    isManager: f.isManager ?? false,
    servingSentence: f.servingSentence ?? false,
  };
}
