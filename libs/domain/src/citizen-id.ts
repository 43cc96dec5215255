/**
 * Vietnamese citizen ids (căn cước công dân, CCCD; Thông tư 07/2016/TT-BCA, 59/2021/TT-BCA):
 * 12 digits = 3 of the province of birth registration, 1 of century and sex, 2 of the birth year,
 * 6 random. The province codes are those of the 63 provinces before the 2025 merger.
 */

/** The 63 provinces' codes (Quyết định 124/2004/QĐ-TTg codes with a leading 0), as the ids carry them. */
export const CITIZEN_ID_PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
});

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum CitizenIdProblem {
  FORMAT = 'FORMAT',
  LOST_LEADING_ZERO = 'LOST_LEADING_ZERO',
  PROVINCE = 'PROVINCE',
  SEX = 'SEX',
  BIRTH_YEAR = 'BIRTH_YEAR',
}

export type CitizenIdResult =
  | {
      ok: true;
      /** The 12 digits. */
      value: string;
      /** True when the leading 0 a spreadsheet dropped (an 11-digit number) was put back. */
      restoredLeadingZero: boolean;
      province: string;
    }
  | { ok: false; problems: CitizenIdProblem[]; message: string };

/** What the id encodes: the century and sex digit gives the birth year's century and the sex. */
export interface CitizenIdFacts {
  provinceCode: string;
  sex: Sex;
  birthYear: number;
}

/** Decodes 12 digits (no check of the province code); null when not 12 digits. */
export function decodeCitizenId(id: string): CitizenIdFacts | null {
  if (!/^\d{12}$/.test(id)) return null;
  const centuryDigit = Number(id[3]);
  return {
    provinceCode: id.slice(0, 3),
    sex: centuryDigit % 2 === 0 ? Sex.MALE : Sex.FEMALE,
    birthYear: 1900 + Math.floor(centuryDigit / 2) * 100 + Number(id.slice(4, 6)),
  };
}

/** The century-and-sex digit for a birth year and sex: 0/1 for 1900–1999, 2/3 for 2000–2099, … */
export function citizenIdCenturyDigit(birthYear: number, sex: Sex): number {
  return (Math.floor(birthYear / 100) - 19) * 2 + (sex === Sex.FEMALE ? 1 : 0);
}

const SEX_VI: Record<Sex, string> = { [Sex.MALE]: 'nam', [Sex.FEMALE]: 'nữ' };

function problemsOf(id: string, birthDate: string, sex: Sex): { problems: CitizenIdProblem[]; messages: string[] } {
  const facts = decodeCitizenId(id)!;
  const problems: CitizenIdProblem[] = [];
  const messages: string[] = [];
  if (!(facts.provinceCode in CITIZEN_ID_PROVINCE_CODES)) {
    problems.push(CitizenIdProblem.PROVINCE);
    messages.push(`mã tỉnh ${facts.provinceCode} (3 chữ số đầu) không phải mã của tỉnh, thành phố nào`);
  }
  if (facts.sex !== sex) {
    problems.push(CitizenIdProblem.SEX);
    messages.push(`chữ số thứ 4 (${id[3]}) là của người ${SEX_VI[facts.sex]}, không khớp giới tính ${SEX_VI[sex]}`);
  }
  const birthYear = Number(birthDate.slice(0, 4));
  if (facts.birthYear !== birthYear) {
    problems.push(CitizenIdProblem.BIRTH_YEAR);
    messages.push(`chữ số thứ 4 đến 6 (${id.slice(3, 6)}) ghi năm sinh ${facts.birthYear}, không khớp năm sinh ${birthYear}`);
  }
  return { problems, messages };
}

/**
 * Checks a citizen id against the birth date ('YYYY-MM-DD') and sex given with it. Spaces and dots
 * are ignored; an 11-digit id (Excel dropped its leading 0) is restored when the 12-digit form
 * validates, and refused with that reason otherwise. Messages in Vietnamese.
 */
export function checkCitizenId(input: string | number, birthDate: string, sex: Sex): CitizenIdResult {
  const raw = (typeof input === 'number' ? (Number.isSafeInteger(input) && input >= 0 ? String(input) : '') : String(input)).replace(/[\s.]/g, '');
  if (/^\d{11}$/.test(raw)) {
    const restored = `0${raw}`;
    const { problems, messages } = problemsOf(restored, birthDate, sex);
    if (!problems.length) return { ok: true, value: restored, restoredLeadingZero: true, province: CITIZEN_ID_PROVINCE_CODES[restored.slice(0, 3)] };
    return {
      ok: false,
      problems: [CitizenIdProblem.LOST_LEADING_ZERO, ...problems],
      message: `Số CCCD chỉ có 11 chữ số (có thể Excel đã bỏ số 0 đầu), nhưng thêm số 0 vẫn không hợp lệ: ${messages.join('; ')}`,
    };
  }
  if (!/^\d{12}$/.test(raw)) {
    return { ok: false, problems: [CitizenIdProblem.FORMAT], message: 'Số CCCD phải gồm đúng 12 chữ số' };
  }
  const { problems, messages } = problemsOf(raw, birthDate, sex);
  if (problems.length) return { ok: false, problems, message: `Số CCCD không hợp lệ: ${messages.join('; ')}` };
  return { ok: true, value: raw, restoredLeadingZero: false, province: CITIZEN_ID_PROVINCE_CODES[raw.slice(0, 3)] };
}
