import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  ApplicationsService,
  CalendarService,
  CasesService,
  EnterprisesService,
  OrgUnitKind,
  OrgUnitsService,
  Role,
  TargetsService,
  UsersService,
} from '@app/core';
import {
  CaseStage,
  CloseReason,
  IsoDate,
  OpenStage,
  Ownership,
  WorkingCalendar,
  isOpenStage,
  stageDeadlines,
  taxCodeCheckDigit,
  vnStartOfDay,
} from '@app/domain';
import { FoundingCaseEntity, OrgUnitEntity, ROOT_ORG_UNIT_ID, UserEntity } from '@app/persistence';
import { loadDemoGrassroots } from './demo-grassroots';
import { loadDemoPlan } from './demo-plan';
import { loadDemoMeetings } from './demo-meetings';
import { loadDemoRestructuring } from './demo-restructuring';

/**
 * The demo province: the Thái Bình health-sector union of plan 256/KH-CĐYT (README, "The two commands").
 * Everything is written through the services (the same write paths as the API), so the cases carry
 * real history rows, evidence and versions; the one direct SQL write is the back-dating of a few
 * open cases' stage clocks at the end, so the escalation sweep and the overdue figures have work.
 * Deterministic: no randomness, every choice is index-based.
 */

export const DEMO_PASSWORD = 'demo12345';
export const DEMO_FEDERATION_NAME = 'Liên đoàn Lao động tỉnh Thái Bình';
export const DEMO_UPPER_UNION_NAME = 'Công đoàn ngành Y tế Thái Bình';
/** Tax code of the first demo enterprise; the others follow (demoTaxCode: valid codes counting up from it). */
export const DEMO_FIRST_TAX_CODE = '1000000001';

/** The i-th valid tax code counting up from DEMO_FIRST_TAX_CODE (9 digits, then their check digit; prefixes without one skipped). */
export function demoTaxCode(i: number): string {
  let n = Number(DEMO_FIRST_TAX_CODE.slice(0, 9));
  for (let k = 0; ; n++) {
    const check = taxCodeCheckDigit(String(n));
    if (check === null) continue;
    if (k++ === i) return `${n}${check}`;
  }
}
/** The latest date any demo record carries; the loader needs a clock on or after it. */
export const DEMO_LATEST_DATE = '2026-11-20';
/** Targets of the upper-level union, per year. */
export const DEMO_TARGETS = {
  2024: { newMembers: 130, newGrassrootsUnions: 2, coveragePercent: 100 },
  2025: { newMembers: 140, newGrassrootsUnions: 2, coveragePercent: 100 },
  2026: { newMembers: 150, newGrassrootsUnions: 2, coveragePercent: 100 },
} as const;

export interface DemoLogin {
  role: string;
  email: string;
  fullName: string;
}

/** The demo users, in the order `setup` prints them (all with DEMO_PASSWORD). */
export const DEMO_USERS: readonly DemoLogin[] = Object.freeze([
  { role: Role.SUPERVISOR, email: 'supervisor@demo.cdcs.vn', fullName: 'Phạm Thị Hương' },
  { role: Role.OFFICER, email: 'officer1@demo.cdcs.vn', fullName: 'Nguyễn Văn Minh' },
  { role: Role.OFFICER, email: 'officer2@demo.cdcs.vn', fullName: 'Trần Thị Lan' },
  { role: Role.OFFICER, email: 'officer3@demo.cdcs.vn', fullName: 'Lê Quang Huy' },
]);

// ---------------------------------------------------------------------------------------------
// The register: enterprises of the medical and pharmaceutical sector of the province.

type District = 'TP Thái Bình' | 'Vũ Thư' | 'Kiến Xương' | 'Tiền Hải' | 'Thái Thụy' | 'Quỳnh Phụ' | 'Hưng Hà' | 'Đông Hưng';
type Kind = 'HOSPITAL' | 'CLINIC' | 'COMPANY';

interface EnterpriseSpec {
  key: string;
  name: string;
  district: District;
  address: string;
  sector: 'Y tế' | 'Dược phẩm';
  ownership: Ownership;
  workers: number;
  hasUnion: boolean;
  kind: Kind;
}

const { STATE, PRIVATE, FOREIGN_INVESTED } = Ownership;
const e = (
  key: string,
  name: string,
  district: District,
  address: string,
  sector: 'Y tế' | 'Dược phẩm',
  ownership: Ownership,
  workers: number,
  hasUnion = false,
  kind: Kind = 'COMPANY',
): EnterpriseSpec => ({ key, name, district, address, sector, ownership, workers, hasUnion, kind });

const ENTERPRISES: readonly EnterpriseSpec[] = [
  e('duocTB', 'Công ty Cổ phần Dược phẩm Thái Bình', 'TP Thái Bình', 'Số 8 đường Lý Bôn, phường Tiền Phong, TP Thái Bình', 'Dược phẩm', STATE, 320, true),
  e(
    'vattuTB',
    'Công ty Cổ phần Vật tư Y tế Thái Bình',
    'TP Thái Bình',
    'Số 126 đường Trần Thái Tông, phường Bồ Xuyên, TP Thái Bình',
    'Y tế',
    PRIVATE,
    85,
    true,
  ),
  e('bongbang', 'Công ty TNHH Sản xuất Bông băng Y tế Tiền Hải', 'Tiền Hải', 'Khu công nghiệp Tiền Hải, xã Tây Giang, huyện Tiền Hải', 'Y tế', PRIVATE, 140),
  e('vietHan', 'Công ty TNHH Vật tư Tiêu hao Y tế Việt – Hàn', 'TP Thái Bình', 'Khu công nghiệp Phúc Khánh, TP Thái Bình', 'Y tế', FOREIGN_INVESTED, 230),
  e('gangtay', 'Công ty TNHH Găng tay Y tế Thái Thụy', 'Thái Thụy', 'Cụm công nghiệp Thụy Tân, huyện Thái Thụy', 'Y tế', FOREIGN_INVESTED, 400),
  e('sinhpham', 'Công ty TNHH Sinh phẩm Y tế Đông Dương', 'Tiền Hải', 'Khu công nghiệp Tiền Hải, xã Đông Lâm, huyện Tiền Hải', 'Y tế', PRIVATE, 105),
  e(
    'matHongHa',
    'Công ty Cổ phần Bệnh viện Mắt Hồng Hà Thái Bình',
    'TP Thái Bình',
    'Số 45 đường Lê Quý Đôn, TP Thái Bình',
    'Y tế',
    PRIVATE,
    75,
    false,
    'HOSPITAL',
  ),
  e('hungHaTB', 'Công ty TNHH Thiết bị Y tế Hưng Hà', 'Hưng Hà', 'Thị trấn Hưng Hà, huyện Hưng Hà', 'Y tế', PRIVATE, 46),
  e('duocVuThu', 'Công ty TNHH Dược phẩm Vũ Thư', 'Vũ Thư', 'Thị trấn Vũ Thư, huyện Vũ Thư', 'Dược phẩm', PRIVATE, 38),
  e('duoclieuKX', 'Công ty TNHH MTV Dược liệu Kiến Xương', 'Kiến Xương', 'Thị trấn Kiến Xương, huyện Kiến Xương', 'Dược phẩm', PRIVATE, 52),
  e('xetnghiem', 'Công ty TNHH Xét nghiệm Y khoa Thái Bình', 'TP Thái Bình', 'Số 210 đường Trần Hưng Đạo, TP Thái Bình', 'Y tế', PRIVATE, 40, false, 'CLINIC'),
  e('khautrang', 'Công ty TNHH Khẩu trang Y tế Đông Á', 'Đông Hưng', 'Cụm công nghiệp Đông La, huyện Đông Hưng', 'Y tế', PRIVATE, 120, true),
  e('hoaSen', 'Công ty Cổ phần Dược phẩm Hoa Sen', 'Quỳnh Phụ', 'Thị trấn Quỳnh Côi, huyện Quỳnh Phụ', 'Dược phẩm', PRIVATE, 66, true),
  e('phucAn', 'Công ty TNHH Y tế Kỹ thuật cao Phúc An', 'Hưng Hà', 'Xã Tân Lễ, huyện Hưng Hà', 'Y tế', PRIVATE, 90, true, 'HOSPITAL'),
  e(
    'saoMai',
    'Công ty TNHH Ống tiêm Y tế Sao Mai Việt Nam',
    'TP Thái Bình',
    'Khu công nghiệp Nguyễn Đức Cảnh, TP Thái Bình',
    'Y tế',
    FOREIGN_INVESTED,
    260,
    true,
  ),
  e('tamDuc', 'Phòng khám Đa khoa Tâm Đức', 'Đông Hưng', 'Thị trấn Đông Hưng, huyện Đông Hưng', 'Y tế', PRIVATE, 28, false, 'CLINIC'),
  e('hungNhan', 'Phòng khám Đa khoa Hưng Nhân', 'Hưng Hà', 'Thị trấn Hưng Nhân, huyện Hưng Hà', 'Y tế', PRIVATE, 26, false, 'CLINIC'),
  e('quynhCoi', 'Phòng khám Đa khoa Quỳnh Côi', 'Quỳnh Phụ', 'Thị trấn Quỳnh Côi, huyện Quỳnh Phụ', 'Y tế', PRIVATE, 31, false, 'CLINIC'),
  e('vuTien', 'Phòng khám Đa khoa Vũ Tiến', 'Vũ Thư', 'Xã Vũ Tiến, huyện Vũ Thư', 'Y tế', PRIVATE, 29, false, 'CLINIC'),
  e('thangLong', 'Phòng khám Đa khoa Thăng Long Đông Hưng', 'Đông Hưng', 'Xã Đông Hợp, huyện Đông Hưng', 'Y tế', PRIVATE, 34, false, 'CLINIC'),
  e('minhChau', 'Nhà thuốc Minh Châu', 'TP Thái Bình', 'Số 17 đường Hai Bà Trưng, TP Thái Bình', 'Dược phẩm', PRIVATE, 8),
  e('thanhBinh', 'Nhà thuốc Thanh Bình', 'Vũ Thư', 'Thị trấn Vũ Thư, huyện Vũ Thư', 'Dược phẩm', PRIVATE, 9),
  e('phuongAnh', 'Nhà thuốc Phương Anh', 'Kiến Xương', 'Thị trấn Kiến Xương, huyện Kiến Xương', 'Dược phẩm', PRIVATE, 10),
  e('hongPhuc', 'Công ty TNHH Chuỗi Nhà thuốc Hồng Phúc', 'TP Thái Bình', 'Số 62 đường Quang Trung, TP Thái Bình', 'Dược phẩm', PRIVATE, 35),
  e('duocDH', 'Công ty TNHH Dược phẩm Đông Hưng', 'Đông Hưng', 'Xã Đông Giang, huyện Đông Hưng', 'Dược phẩm', PRIVATE, 22),
  e('duoclieuTT', 'Công ty Cổ phần Dược liệu Thái Thụy', 'Thái Thụy', 'Thị trấn Diêm Điền, huyện Thái Thụy', 'Dược phẩm', PRIVATE, 60),
  e('ttbQP', 'Công ty TNHH Trang thiết bị Y tế Quỳnh Phụ', 'Quỳnh Phụ', 'Xã Quỳnh Hồng, huyện Quỳnh Phụ', 'Y tế', PRIVATE, 18),
  e('nhaKhoa', 'Công ty TNHH Nha khoa Việt Đức Thái Bình', 'TP Thái Bình', 'Số 88 đường Lê Lợi, TP Thái Bình', 'Y tế', PRIVATE, 24, false, 'CLINIC'),
  e('namHa', 'Công ty TNHH Dược phẩm Nam Hà Thái Bình', 'TP Thái Bình', 'Số 5 đường Kỳ Đồng, TP Thái Bình', 'Dược phẩm', PRIVATE, 33),
  e('kienAn', 'Công ty TNHH Thương mại Dược phẩm Kiến An', 'Kiến Xương', 'Xã An Bồi, huyện Kiến Xương', 'Dược phẩm', PRIVATE, 27),
  e('tienPhong', 'Công ty TNHH Vật tư Y tế Tiền Phong', 'Tiền Hải', 'Thị trấn Tiền Hải, huyện Tiền Hải', 'Y tế', PRIVATE, 44),
  e('hoangGia', 'Công ty Cổ phần Thực phẩm Chức năng Hoàng Gia', 'Đông Hưng', 'Cụm công nghiệp Đông Phong, huyện Đông Hưng', 'Dược phẩm', PRIVATE, 55),
  e('sanAnBinh', 'Phòng khám Chuyên khoa Phụ sản An Bình', 'TP Thái Bình', 'Số 31 đường Hai Bà Trưng, TP Thái Bình', 'Y tế', PRIVATE, 12, false, 'CLINIC'),
  e('minhPhat', 'Công ty TNHH Thiết bị Y tế Minh Phát', 'TP Thái Bình', 'Số 150 đường Trần Lãm, TP Thái Bình', 'Y tế', PRIVATE, 36),
  e('truongSon', 'Công ty TNHH MTV Dược phẩm Trường Sơn Thái Bình', 'Vũ Thư', 'Cụm công nghiệp Vũ Hội, huyện Vũ Thư', 'Dược phẩm', PRIVATE, 48),
  e('hongDuc', 'Công ty TNHH Chẩn đoán Hình ảnh Hồng Đức', 'TP Thái Bình', 'Số 19 đường Lý Thường Kiệt, TP Thái Bình', 'Y tế', PRIVATE, 30, false, 'CLINIC'),
  e('thaiAn', 'Công ty TNHH Dịch vụ Y tế Thái An', 'Thái Thụy', 'Xã Thụy Hà, huyện Thái Thụy', 'Y tế', PRIVATE, 25, false, 'CLINIC'),
  e('hungLong', 'Công ty Cổ phần Thiết bị Vật tư Y tế Hưng Long', 'Hưng Hà', 'Cụm công nghiệp Thái Phương, huyện Hưng Hà', 'Y tế', PRIVATE, 58),
  e('quangMinh', 'Công ty TNHH Dược phẩm Quang Minh', 'Thái Thụy', 'Xã Thụy Trình, huyện Thái Thụy', 'Dược phẩm', PRIVATE, 42),
  e('nhaKhoaKX', 'Công ty TNHH Thiết bị Nha khoa Kiến Xương', 'Kiến Xương', 'Xã Vũ Quý, huyện Kiến Xương', 'Y tế', PRIVATE, 15),
  e('ducThanh', 'Công ty TNHH Dược phẩm Đức Thành', 'Quỳnh Phụ', 'Thị trấn An Bài, huyện Quỳnh Phụ', 'Dược phẩm', PRIVATE, 37),
  e('duocVatTu', 'Công ty Cổ phần Dược – Vật tư Y tế Thái Bình', 'TP Thái Bình', 'Số 2 đường Hai Bà Trưng, TP Thái Bình', 'Dược phẩm', STATE, 64, true),
];

// ---------------------------------------------------------------------------------------------
// Founding cases: one plan per case, replayed through CasesService in stage order.

interface Outreach {
  on: IsoDate;
  reached: number;
  interested: number;
  note: string;
}
interface CasePlan {
  /** Enterprise key. */
  at: string;
  /** Index into the officers; null leaves the case unassigned. */
  officer: 0 | 1 | 2 | null;
  /** The stage the case ends in. */
  stage: CaseStage;
  /** A first officer, later replaced by `officer` (an ASSIGN history row with a reason). */
  reassignedFrom?: 0 | 1 | 2;
  survey?: { on: IsoDate; note: string };
  outreach?: Outreach[];
  committeeOn?: IsoDate;
  /** Founding applications: how many, the first submission day, working days between two. */
  applications?: { count: number; from: IsoDate; every: number };
  congress?: { on: IsoDate; dossierOn: IsoDate };
  decision?: { number: string; on: IsoDate };
  /** Closed after the evidence above, in the stage it had reached (`closedIn`). */
  close?: { closedIn: OpenStage; reason: CloseReason; comment: string };
  /**
   * Back-dates the current stage's clock (see backdate()): working days before today, or
   * 'DOSSIER' for the working day after the completed dossier.
   */
  overdue?: number | 'DOSSIER';
}

const CASES: readonly CasePlan[] = [
  // RECOGNIZED in 2025 and in 2026.
  {
    at: 'bongbang',
    officer: 0,
    stage: CaseStage.RECOGNIZED,
    survey: { on: '2025-03-12', note: 'Doanh nghiệp sản xuất bông băng, gạc y tế; chưa có tổ chức công đoàn.' },
    outreach: [
      { on: '2025-04-08', reached: 95, interested: 40, note: 'Tuyên truyền tại nhà ăn ca, phát tờ rơi về quyền lợi đoàn viên.' },
      { on: '2025-05-20', reached: 120, interested: 68, note: 'Đối thoại với người lao động về thỏa ước lao động tập thể.' },
    ],
    committeeOn: '2025-06-10',
    applications: { count: 12, from: '2025-06-16', every: 2 },
    congress: { on: '2025-08-22', dossierOn: '2025-08-29' },
    decision: { number: 'QĐ 87/QĐ-CĐYT', on: '2025-09-18' },
  },
  {
    at: 'vietHan',
    officer: 1,
    stage: CaseStage.RECOGNIZED,
    survey: { on: '2025-10-14', note: 'Doanh nghiệp FDI, 230 lao động, chủ yếu là lao động nữ.' },
    outreach: [
      { on: '2025-11-18', reached: 180, interested: 75, note: 'Phối hợp Ban Quản lý khu công nghiệp tổ chức buổi tuyên truyền.' },
      { on: '2025-12-16', reached: 205, interested: 112, note: 'Gặp gỡ Tổng Giám đốc, thống nhất lịch thành lập công đoàn.' },
    ],
    committeeOn: '2026-01-08',
    applications: { count: 24, from: '2026-01-12', every: 1 },
    congress: { on: '2026-03-06', dossierOn: '2026-03-10' },
    decision: { number: 'QĐ 15/QĐ-CĐYT', on: '2026-03-16' },
  },
  // RECOGNITION_DECISION: one past its limit (counted from the dossier), one within.
  {
    at: 'gangtay',
    officer: 2,
    stage: CaseStage.RECOGNITION_DECISION,
    overdue: 'DOSSIER',
    survey: { on: '2026-04-07', note: 'Doanh nghiệp FDI sản xuất găng tay y tế, làm việc 3 ca.' },
    outreach: [
      { on: '2026-05-12', reached: 260, interested: 90, note: 'Tuyên truyền giữa hai ca làm việc.' },
      { on: '2026-06-16', reached: 310, interested: 150, note: 'Tổ chức tọa đàm "Công đoàn – chỗ dựa của người lao động".' },
    ],
    committeeOn: '2026-07-15',
    applications: { count: 20, from: '2026-07-20', every: 1 },
    congress: { on: '2026-10-30', dossierOn: '2026-11-02' },
  },
  {
    at: 'sinhpham',
    officer: 0,
    stage: CaseStage.RECOGNITION_DECISION,
    survey: { on: '2026-05-19', note: 'Doanh nghiệp sản xuất sinh phẩm chẩn đoán.' },
    outreach: [{ on: '2026-06-23', reached: 80, interested: 35, note: 'Tuyên truyền tại phân xưởng sản xuất.' }],
    committeeOn: '2026-08-05',
    applications: { count: 10, from: '2026-08-10', every: 2 },
    congress: { on: '2026-11-13', dossierOn: '2026-11-17' },
  },
  // FOUNDING_CEREMONY: congress held (ready to move on), congress being prepared, one stuck past its limit.
  {
    at: 'matHongHa',
    officer: 1,
    stage: CaseStage.FOUNDING_CEREMONY,
    survey: { on: '2026-06-02', note: 'Bệnh viện tư nhân chuyên khoa mắt.' },
    outreach: [{ on: '2026-07-07', reached: 60, interested: 24, note: 'Tuyên truyền cho điều dưỡng, kỹ thuật viên các khoa.' }],
    committeeOn: '2026-08-12',
    applications: { count: 8, from: '2026-08-17', every: 3 },
    congress: { on: '2026-11-10', dossierOn: '2026-11-19' },
  },
  {
    at: 'duoclieuTT',
    officer: 2,
    stage: CaseStage.FOUNDING_CEREMONY,
    survey: { on: '2026-06-09', note: 'Doanh nghiệp chế biến dược liệu, lao động thời vụ đông.' },
    outreach: [
      { on: '2026-07-14', reached: 48, interested: 20, note: 'Tuyên truyền tại xưởng sơ chế.' },
      { on: '2026-08-18', reached: 52, interested: 26, note: 'Vận động lần hai, giải đáp về đoàn phí.' },
    ],
    committeeOn: '2026-09-08',
    applications: { count: 10, from: '2026-09-10', every: 2 },
  },
  {
    at: 'hungLong',
    officer: 0,
    stage: CaseStage.FOUNDING_CEREMONY,
    overdue: 22,
    survey: { on: '2026-05-26', note: 'Doanh nghiệp phân phối thiết bị, vật tư y tế.' },
    outreach: [{ on: '2026-06-30', reached: 45, interested: 18, note: 'Tuyên truyền tại kho và văn phòng công ty.' }],
    committeeOn: '2026-08-04',
    applications: { count: 6, from: '2026-08-06', every: 3 },
  },
  // GUIDANCE: committees formed, applications coming in.
  {
    at: 'hungHaTB',
    officer: 0,
    stage: CaseStage.GUIDANCE,
    survey: { on: '2026-07-21', note: 'Doanh nghiệp lắp ráp giường bệnh, xe đẩy y tế.' },
    outreach: [{ on: '2026-08-25', reached: 40, interested: 15, note: 'Tuyên truyền tại xưởng lắp ráp.' }],
    committeeOn: '2026-10-13',
    applications: { count: 3, from: '2026-10-19', every: 4 },
  },
  {
    at: 'duoclieuKX',
    officer: 1,
    stage: CaseStage.GUIDANCE,
    survey: { on: '2026-07-08', note: 'Doanh nghiệp trồng và sơ chế dược liệu.' },
    outreach: [{ on: '2026-08-11', reached: 44, interested: 22, note: 'Tuyên truyền tại vùng trồng dược liệu.' }],
    committeeOn: '2026-09-29',
    applications: { count: 5, from: '2026-10-05', every: 3 },
  },
  {
    at: 'xetnghiem',
    officer: 2,
    stage: CaseStage.GUIDANCE,
    overdue: 50,
    survey: { on: '2026-06-16', note: 'Phòng xét nghiệm tư nhân, nhiều lao động hợp đồng ngắn hạn.' },
    outreach: [
      { on: '2026-07-28', reached: 36, interested: 9, note: 'Người lao động còn e ngại, chưa hiểu quyền lợi đoàn viên.' },
      { on: '2026-08-27', reached: 38, interested: 12, note: 'Vận động lần hai, mời đoàn viên công đoàn bệnh viện chia sẻ.' },
    ],
    committeeOn: '2026-09-25',
    applications: { count: 2, from: '2026-10-01', every: 5 },
  },
  {
    at: 'truongSon',
    officer: 1,
    reassignedFrom: 2,
    stage: CaseStage.GUIDANCE,
    survey: { on: '2026-07-14', note: 'Doanh nghiệp bán buôn dược phẩm.' },
    outreach: [{ on: '2026-08-18', reached: 42, interested: 20, note: 'Tuyên truyền cho trình dược viên và nhân viên kho.' }],
    committeeOn: '2026-10-06',
    applications: { count: 7, from: '2026-10-08', every: 2 },
  },
  // OUTREACH.
  {
    at: 'tienPhong',
    officer: 0,
    stage: CaseStage.OUTREACH,
    survey: { on: '2026-09-15', note: 'Doanh nghiệp kinh doanh vật tư y tế tiêu hao.' },
    outreach: [{ on: '2026-10-20', reached: 38, interested: 11, note: 'Buổi tuyên truyền đầu tiên tại văn phòng công ty.' }],
  },
  {
    at: 'quangMinh',
    officer: 1,
    stage: CaseStage.OUTREACH,
    overdue: 17,
    survey: { on: '2026-10-06', note: 'Chủ doanh nghiệp đồng ý cho cán bộ công đoàn làm việc với người lao động.' },
  },
  {
    at: 'hongPhuc',
    officer: 2,
    stage: CaseStage.OUTREACH,
    survey: { on: '2026-09-08', note: 'Chuỗi 6 nhà thuốc trên địa bàn thành phố.' },
    outreach: [
      { on: '2026-10-09', reached: 30, interested: 8, note: 'Gặp dược sĩ phụ trách các nhà thuốc.' },
      { on: '2026-11-06', reached: 32, interested: 14, note: 'Tuyên truyền trực tuyến qua nhóm Zalo của chuỗi nhà thuốc.' },
    ],
  },
  // SURVEY: surveyed and not yet moved on, not yet surveyed, one unassigned, one past its limit.
  { at: 'tamDuc', officer: 0, stage: CaseStage.SURVEY, survey: { on: '2026-11-12', note: 'Phòng khám hoạt động cả thứ Bảy, Chủ nhật.' } },
  { at: 'hongDuc', officer: null, stage: CaseStage.SURVEY },
  { at: 'minhPhat', officer: 2, stage: CaseStage.SURVEY, overdue: 12 },
  {
    at: 'nhaKhoa',
    officer: 1,
    stage: CaseStage.SURVEY,
    survey: { on: '2026-11-17', note: 'Dưới 25 lao động; đề nghị Ban Thường vụ cho ý kiến có tiếp tục vận động.' },
  },
  // CLOSED.
  {
    at: 'ducThanh',
    officer: 2,
    stage: CaseStage.CLOSED,
    survey: { on: '2026-05-05', note: 'Doanh nghiệp bán buôn dược phẩm, chủ doanh nghiệp ít hợp tác.' },
    outreach: [{ on: '2026-06-09', reached: 5, interested: 2, note: 'Chỉ được gặp người lao động ngoài giờ làm việc.' }],
    close: {
      closedIn: CaseStage.OUTREACH,
      reason: CloseReason.EMPLOYER_OBSTRUCTION,
      comment:
        'Sau ba lần làm việc, chủ doanh nghiệp không bố trí thời gian và không cho cán bộ công đoàn tiếp xúc người lao động; báo cáo LĐLĐ tỉnh phối hợp xử lý.',
    },
  },
  {
    at: 'minhChau',
    officer: 0,
    stage: CaseStage.CLOSED,
    survey: { on: '2026-03-10', note: 'Nhà thuốc có 8 lao động.' },
    close: {
      closedIn: CaseStage.SURVEY,
      reason: CloseReason.BELOW_THRESHOLD,
      comment: 'Nhà thuốc chỉ có 8 lao động, chưa đủ điều kiện ưu tiên thành lập CĐCS; tiếp tục vận động kết nạp đoàn viên trực tiếp.',
    },
  },
];

const ADVANCE_COMMENT: Partial<Record<CaseStage, string>> = {
  [CaseStage.SURVEY]: 'Đã khảo sát, doanh nghiệp chưa có công đoàn; chuyển sang tuyên truyền, vận động.',
  [CaseStage.OUTREACH]: 'Người lao động có nhu cầu thành lập công đoàn; chuyển sang hướng dẫn thủ tục.',
  [CaseStage.GUIDANCE]: 'Đã đủ đơn xin gia nhập; chuẩn bị đại hội thành lập.',
  [CaseStage.FOUNDING_CEREMONY]: 'Hồ sơ đề nghị công nhận đã hoàn thiện; trình Ban Thường vụ.',
  [CaseStage.RECOGNITION_DECISION]: 'Đã ban hành quyết định công nhận CĐCS.',
};

// ---------------------------------------------------------------------------------------------
// Existing grassroots unions and the members admitted to them (decided by the supervisor).

interface GrassrootsSpec {
  key: string;
  name: string;
  kind: Kind;
  /** Founded years before the demo's data was entered: they owe every period's return. */
  establishedOn: IsoDate;
}
const GRASSROOTS: readonly GrassrootsSpec[] = [
  { key: 'bvdk', name: 'Công đoàn Bệnh viện Đa khoa tỉnh Thái Bình', kind: 'HOSPITAL', establishedOn: '1996-03-15' },
  { key: 'cdc', name: 'Công đoàn Trung tâm Kiểm soát bệnh tật tỉnh Thái Bình', kind: 'HOSPITAL', establishedOn: '2018-01-02' },
  { key: 'bvnhi', name: 'Công đoàn Bệnh viện Nhi Thái Bình', kind: 'HOSPITAL', establishedOn: '2012-09-01' },
  { key: 'duocTB', name: 'Công đoàn Công ty Cổ phần Dược phẩm Thái Bình', kind: 'COMPANY', establishedOn: '2001-05-19' },
  { key: 'vattuTB', name: 'Công đoàn Công ty Cổ phần Vật tư Y tế Thái Bình', kind: 'COMPANY', establishedOn: '2005-07-01' },
];

/** One admission decision of a CĐCS: `count` applications, decided together. `bongbang` is the CĐCS founded in 2025. */
interface AdmissionBatch {
  unit: string;
  decidedOn: IsoDate;
  number: string;
  count: number;
  rejected?: string;
}
const ADMISSIONS: readonly AdmissionBatch[] = [
  { unit: 'bvdk', decidedOn: '2024-03-20', number: 'QĐ 08/QĐ-CĐCS', count: 18 },
  { unit: 'cdc', decidedOn: '2024-05-15', number: 'QĐ 05/QĐ-CĐCS', count: 9 },
  { unit: 'bvnhi', decidedOn: '2024-04-10', number: 'QĐ 11/QĐ-CĐCS', count: 12 },
  { unit: 'duocTB', decidedOn: '2024-06-20', number: 'QĐ 07/QĐ-CĐCS', count: 15 },
  { unit: 'vattuTB', decidedOn: '2024-08-14', number: 'QĐ 03/QĐ-CĐCS', count: 8 },
  { unit: 'bvdk', decidedOn: '2024-09-12', number: 'QĐ 21/QĐ-CĐCS', count: 16 },
  { unit: 'bvnhi', decidedOn: '2024-10-08', number: 'QĐ 19/QĐ-CĐCS', count: 10 },
  { unit: 'bvdk', decidedOn: '2025-03-18', number: 'QĐ 06/QĐ-CĐCS', count: 14 },
  { unit: 'duocTB', decidedOn: '2025-04-22', number: 'QĐ 04/QĐ-CĐCS', count: 10 },
  { unit: 'bvnhi', decidedOn: '2025-06-11', number: 'QĐ 09/QĐ-CĐCS', count: 8 },
  { unit: 'cdc', decidedOn: '2025-10-15', number: 'QĐ 03/QĐ-CĐCS', count: 6 },
  { unit: 'bvdk', decidedOn: '2026-02-24', number: 'QĐ 05/QĐ-CĐCS', count: 15 },
  { unit: 'cdc', decidedOn: '2026-04-14', number: 'QĐ 04/QĐ-CĐCS', count: 7 },
  { unit: 'bongbang', decidedOn: '2026-04-21', number: 'QĐ 01/QĐ-CĐCS', count: 5 },
  { unit: 'bvnhi', decidedOn: '2026-05-20', number: 'QĐ 08/QĐ-CĐCS', count: 9 },
  { unit: 'duocTB', decidedOn: '2026-06-17', number: 'QĐ 06/QĐ-CĐCS', count: 11 },
  { unit: 'vattuTB', decidedOn: '2026-07-08', number: 'QĐ 02/QĐ-CĐCS', count: 6 },
  {
    unit: 'bvdk',
    decidedOn: '2026-08-19',
    number: 'QĐ 17/QĐ-CĐCS',
    count: 13,
    rejected: 'Đơn chưa có chữ ký của người lao động; đề nghị bổ sung và nộp lại.',
  },
];

/** Applications still awaiting a decision: to a CĐCS, or directly to the upper-level union ('upper'). */
const PENDING: readonly { unit: string; submittedOn: IsoDate }[] = [
  { unit: 'bvdk', submittedOn: '2026-11-16' },
  { unit: 'bvdk', submittedOn: '2026-11-18' },
  { unit: 'bvnhi', submittedOn: '2026-11-17' },
  { unit: 'upper', submittedOn: '2026-10-29' },
  { unit: 'upper', submittedOn: '2026-11-12' },
];

/** Per-officer targets of 2026 (the officers in DEMO_USERS order). */
const OFFICER_TARGETS_2026 = [
  { newMembers: 25, newGrassrootsUnions: 1 },
  { newMembers: 25, newGrassrootsUnions: 1 },
  { newMembers: 20, newGrassrootsUnions: 0 },
];

// ---------------------------------------------------------------------------------------------
// Deterministic Vietnamese people.

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Nguyễn', 'Phạm', 'Hoàng', 'Vũ', 'Nguyễn', 'Đặng', 'Bùi', 'Trần', 'Đỗ', 'Ngô', 'Phạm'];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Văn', 'Thành', 'Xuân'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Thị', 'Ngọc', 'Thanh', 'Thị', 'Hồng', 'Phương'];
const GIVEN_MALE = [
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Toàn',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
];
const GIVEN_FEMALE = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hằng',
  'Hạnh',
  'Hoa',
  'Huyền',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'My',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Thảo',
  'Thủy',
  'Trang',
  'Vân',
  'Yến',
];
const POSITIONS: Record<Kind, string[]> = {
  HOSPITAL: [
    'Điều dưỡng',
    'Bác sĩ',
    'Hộ sinh',
    'Kỹ thuật viên xét nghiệm',
    'Dược sĩ',
    'Điều dưỡng',
    'Kỹ thuật viên chẩn đoán hình ảnh',
    'Nhân viên hành chính',
    'Kế toán',
    'Hộ lý',
  ],
  CLINIC: ['Điều dưỡng', 'Bác sĩ', 'Kỹ thuật viên xét nghiệm', 'Dược sĩ', 'Lễ tân', 'Nhân viên thu ngân'],
  COMPANY: [
    'Công nhân sản xuất',
    'Dược sĩ',
    'Kỹ thuật viên',
    'Nhân viên kinh doanh',
    'Trình dược viên',
    'Nhân viên kiểm nghiệm',
    'Thủ kho',
    'Công nhân đóng gói',
    'Kế toán',
    'Lái xe giao hàng',
  ],
};
const CONTRACT_MONTHS: (number | null)[] = [null, 36, null, 24, 12, null];

interface Person {
  fullName: string;
  gender: 'Nam' | 'Nữ';
  birthYear: number;
  k: number;
}

/** Names from index-based picks; a name and birth year never repeat. */
class People {
  private k = 0;
  private readonly used = new Set<string>();

  next(): Person {
    for (;;) {
      const k = this.k++;
      const female = k % 5 === 0 || k % 5 === 2 || k % 5 === 3; // the sector's workforce is mostly women
      const middle = (female ? MIDDLE_FEMALE : MIDDLE_MALE)[(k * 3 + Math.floor(k / 14)) % 8];
      const givens = female ? GIVEN_FEMALE : GIVEN_MALE;
      const given = givens[(k * 7 + Math.floor(k / 3)) % givens.length];
      const fullName = `${FAMILY[k % FAMILY.length]} ${middle} ${given}`;
      const birthYear = 1970 + ((k * 13) % 33); // 1970–2002
      const id = `${fullName}|${birthYear}`;
      if (this.used.has(id)) continue;
      this.used.add(id);
      return { fullName, gender: female ? 'Nữ' : 'Nam', birthYear, k };
    }
  }

  many(n: number): Person[] {
    return Array.from({ length: n }, () => this.next());
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Loads the demo province through the services; returns the demo logins (password DEMO_PASSWORD).
 * Refuses to run twice: throws when the demo federation exists already.
 */
export async function loadDemoData(app: INestApplicationContext): Promise<DemoLogin[]> {
  const db = app.get(DataSource);
  const orgUnits = app.get(OrgUnitsService);
  const users = app.get(UsersService);
  const enterprises = app.get(EnterprisesService);
  const cases = app.get(CasesService);
  const applications = app.get(ApplicationsService);
  const targets = app.get(TargetsService);
  const calendar = app.get(CalendarService);

  const [existing] = await db.query(`SELECT id FROM org_unit WHERE parent_id = $1 AND name = $2 LIMIT 1`, [ROOT_ORG_UNIT_ID, DEMO_FEDERATION_NAME]);
  if (existing) throw new Error(`Demo data is loaded already: the federation "${DEMO_FEDERATION_NAME}" exists (org unit ${existing.id}).`);
  const today = calendar.today();
  if (today < DEMO_LATEST_DATE) throw new Error(`Demo data carries dates up to ${DEMO_LATEST_DATE}; today is ${today}, so they would be in the future.`);
  const cal = await calendar.calendar();

  // Org tree. The federation and the sector union are made by an admin: the first ADMIN at the root
  // if there is one (setup creates it first), else the loader acting as one (unit creation records no user).
  const [admin] = await db.query(
    `SELECT u.id, u.email, u.full_name FROM app_user u WHERE u.role = 'ADMIN' AND u.org_unit_id = $1 ORDER BY u.created_at LIMIT 1`,
    [ROOT_ORG_UNIT_ID],
  );
  const [root] = await db.query(`SELECT path FROM org_unit WHERE id = $1`, [ROOT_ORG_UNIT_ID]);
  if (!root) throw new Error('The root org unit is missing; run the migrations first.');
  const adminActor: Actor = {
    userId: admin?.id ?? '00000000-0000-4000-8000-00000000d3a0',
    role: Role.ADMIN,
    orgUnitId: ROOT_ORG_UNIT_ID,
    orgPath: root.path,
    fullName: admin?.full_name ?? 'Nạp dữ liệu mẫu',
    email: admin?.email ?? 'demo-loader@demo.cdcs.vn',
  };
  const federation = await orgUnits.create(adminActor, { name: DEMO_FEDERATION_NAME, kind: OrgUnitKind.FEDERATION, parentId: ROOT_ORG_UNIT_ID });
  const upper = await orgUnits.create(adminActor, { name: DEMO_UPPER_UNION_NAME, kind: OrgUnitKind.UPPER_LEVEL, parentId: federation.id });

  // Users: bcrypt in parallel (4 hashes).
  const made: UserEntity[] = await Promise.all(
    DEMO_USERS.map((u) => users.insert({ email: u.email, fullName: u.fullName, role: u.role as Role, orgUnitId: upper.id, password: DEMO_PASSWORD })),
  );
  const actorOf = (u: UserEntity, unit: OrgUnitEntity): Actor => ({
    userId: u.id,
    role: u.role as Role,
    orgUnitId: unit.id,
    orgPath: unit.path,
    fullName: u.fullName,
    email: u.email,
  });
  const supervisor = actorOf(made[0], upper);
  const officers = made.slice(1).map((u) => actorOf(u, upper));

  // Existing CĐCS under the sector union.
  const unitIds = new Map<string, string>();
  const unitKinds = new Map<string, Kind>();
  for (const g of GRASSROOTS) {
    const unit = await orgUnits.create(supervisor, { name: g.name, kind: OrgUnitKind.GRASSROOTS, parentId: upper.id, establishedOn: g.establishedOn });
    unitIds.set(g.key, unit.id);
    unitKinds.set(g.key, g.kind);
  }

  // The register.
  const enterpriseIds = new Map<string, string>();
  const specs = new Map(ENTERPRISES.map((x) => [x.key, x]));
  for (const [i, x] of ENTERPRISES.entries()) {
    const created = await enterprises.create(supervisor, {
      name: x.name,
      taxCode: demoTaxCode(i),
      address: x.address,
      district: x.district,
      sector: x.sector,
      ownership: x.ownership,
      workerCount: x.workers,
      hasUnion: x.hasUnion,
      orgUnitId: upper.id,
    });
    enterpriseIds.set(x.key, created.id);
  }

  // Targets: the plan's years for the sector union, and the officers' share of 2026.
  for (const [year, t] of Object.entries(DEMO_TARGETS)) {
    await targets.set(supervisor, { year: Number(year), orgUnitId: upper.id, ...t });
  }
  for (const [i, t] of OFFICER_TARGETS_2026.entries()) {
    await targets.set(supervisor, { year: 2026, officerId: officers[i].userId, ...t });
  }

  const people = new People();
  const application = (p: Person, kind: Kind, submittedOn: IsoDate) => ({
    fullName: p.fullName,
    birthYear: p.birthYear,
    gender: p.gender,
    position: POSITIONS[kind][p.k % POSITIONS[kind].length],
    isManager: false,
    servingSentence: false,
    nationality: 'Việt Nam',
    contractMonths: CONTRACT_MONTHS[p.k % CONTRACT_MONTHS.length],
    submittedOn,
  });

  // Founding cases, replayed stage by stage.
  const backdates: { c: FoundingCaseEntity; overdue: number | 'DOSSIER' }[] = [];
  for (const plan of CASES) {
    const spec = specs.get(plan.at)!;
    const officer = plan.officer === null ? null : officers[plan.officer];
    const worker = officer ?? supervisor;
    const ref = (c: FoundingCaseEntity) => ({ caseId: c.id, expectedVersion: c.version });
    const reached = plan.close?.closedIn ?? plan.stage;
    const stagePast = (s: CaseStage) => STAGE_ORDER.indexOf(reached) > STAGE_ORDER.indexOf(s);
    const advance = async (c: FoundingCaseEntity, by: Actor = worker) =>
      cases.advance(by, { ...ref(c), comment: ADVANCE_COMMENT[c.stage as CaseStage] ?? null });

    let c = await cases.open(supervisor, { enterpriseId: enterpriseIds.get(plan.at)! });
    if (plan.reassignedFrom !== undefined) {
      c = await cases.assign(supervisor, {
        ...ref(c),
        assigneeId: officers[plan.reassignedFrom].userId,
        reason: `Phân công theo địa bàn huyện ${spec.district}.`,
      });
    }
    if (officer) {
      c = await cases.assign(supervisor, {
        ...ref(c),
        assigneeId: officer.userId,
        reason:
          plan.reassignedFrom !== undefined
            ? `Điều chỉnh phân công: đồng chí ${officers[plan.reassignedFrom].fullName} được giao địa bàn khác.`
            : `Phân công theo địa bàn ${spec.district === 'TP Thái Bình' ? 'TP Thái Bình' : `huyện ${spec.district}`}.`,
      });
    }
    // The founding workers: the mobilisation committee and the executive committee come from them.
    const founders = people.many(Math.max(plan.applications?.count ?? 0, 3));
    if (plan.survey) {
      const contact = people.next();
      c = await cases.recordSurvey(worker, {
        ...ref(c),
        surveyedOn: plan.survey.on,
        workerCount: spec.workers,
        hasUnion: false,
        note: plan.survey.note,
        contactName: `${contact.gender === 'Nữ' ? 'Bà' : 'Ông'} ${contact.fullName}, phụ trách hành chính – nhân sự`,
      });
    }
    if (stagePast(CaseStage.SURVEY) && plan.survey) c = await advance(c);
    for (const o of plan.outreach ?? []) {
      c = await cases.recordOutreach(worker, { ...ref(c), heldOn: o.on, workersReached: o.reached, workersInterested: o.interested, note: o.note });
    }
    if (stagePast(CaseStage.OUTREACH) && plan.outreach?.length) c = await advance(c);
    if (plan.committeeOn) {
      c = await cases.formCommittee(worker, { ...ref(c), formedOn: plan.committeeOn, memberNames: founders.slice(0, 3).map((p) => p.fullName) });
    }
    if (plan.applications) {
      // Applications do not change the case row (no version bump); the guard counts them.
      let on = plan.applications.from;
      for (const p of founders.slice(0, plan.applications.count)) {
        await applications.submit(worker, { caseId: c.id, ...application(p, spec.kind, on) });
        on = cal.addWorkingDays(on, plan.applications.every);
      }
    }
    if (stagePast(CaseStage.GUIDANCE)) c = await advance(c);
    if (plan.congress) {
      const attending = plan.applications?.count ?? founders.length;
      const committee = founders.slice(0, attending >= 15 ? 5 : 3).map((p) => p.fullName);
      c = await cases.recordCongress(worker, {
        ...ref(c),
        heldOn: plan.congress.on,
        attendees: attending - (attending > 10 ? 1 : 0),
        executiveCommittee: committee,
        chairName: committee[0],
        dossierCompletedOn: plan.congress.dossierOn,
      });
    }
    if (stagePast(CaseStage.FOUNDING_CEREMONY)) c = await advance(c);
    if (plan.decision) {
      // The Standing Committee decides and records the recognition.
      c = await cases.recordDecision(supervisor, {
        ...ref(c),
        decisionNumber: plan.decision.number,
        decidedOn: plan.decision.on,
        signedBy: supervisor.fullName,
        grassrootsUnionName: `Công đoàn ${spec.name}`,
      });
      c = await advance(c, supervisor);
      unitIds.set(plan.at, c.grassrootsUnionId!);
      unitKinds.set(plan.at, spec.kind);
    }
    if (plan.close) c = await cases.close(worker, { ...ref(c), reason: plan.close.reason, comment: plan.close.comment });
    if ((c.stage as CaseStage) !== plan.stage) throw new Error(`Demo case at ${spec.name} ended in ${c.stage}, planned ${plan.stage}`);
    if (plan.overdue !== undefined) backdates.push({ c, overdue: plan.overdue });
  }

  // Members admitted to the CĐCS by admission decisions (officers take the applications in).
  let turn = 0;
  for (const b of ADMISSIONS) {
    const unitId = unitIds.get(b.unit)!;
    const kind = unitKinds.get(b.unit)!;
    for (const [i, p] of people.many(b.count).entries()) {
      const submittedOn = cal.addWorkingDays(b.decidedOn, -(6 + (i % 7)));
      const a = await applications.submit(officers[turn++ % officers.length], { grassrootsUnionId: unitId, ...application(p, kind, submittedOn) });
      const refuse = b.rejected && i === b.count - 1;
      await applications.decide(supervisor, {
        applicationId: a.id,
        decidedOn: b.decidedOn,
        ...(refuse ? { admit: false, reason: b.rejected } : { admit: true, decisionNumber: b.number }),
      });
    }
  }
  for (const pending of PENDING) {
    const direct = pending.unit === 'upper';
    const p = people.next();
    await applications.submit(officers[turn++ % officers.length], {
      grassrootsUnionId: direct ? upper.id : unitIds.get(pending.unit)!,
      ...application(p, direct ? 'COMPANY' : unitKinds.get(pending.unit)!, pending.submittedOn),
    });
  }

  // Demo only — the one direct SQL write: move the current stage's clock of a few open cases into
  // the past, so the escalation sweep (WARNING/BREACH/CRITICAL) and the overdue figures have work.
  // The deadlines are recomputed exactly as stage entry computes them, from the back-dated day.
  for (const { c, overdue } of backdates) {
    await backdate(db, cal, calendar, c, overdue, today);
  }

  await loadDemoGrassroots(app, unitIds, DEMO_PASSWORD);
  await loadDemoPlan(app, upper.id, supervisor, officers);
  await loadDemoMeetings(app, supervisor, officers);
  await loadDemoRestructuring(app, admin ? adminActor : null, federation.id);
  return DEMO_USERS.map((u) => ({ ...u }));
}

const STAGE_ORDER: readonly CaseStage[] = [
  CaseStage.SURVEY,
  CaseStage.OUTREACH,
  CaseStage.GUIDANCE,
  CaseStage.FOUNDING_CEREMONY,
  CaseStage.RECOGNITION_DECISION,
  CaseStage.RECOGNIZED,
];

async function backdate(
  db: DataSource,
  cal: WorkingCalendar,
  calendar: CalendarService,
  c: FoundingCaseEntity,
  overdue: number | 'DOSSIER',
  today: IsoDate,
): Promise<void> {
  const stage = c.stage as CaseStage;
  if (!isOpenStage(stage)) return;
  const enteredOn = overdue === 'DOSSIER' ? cal.addWorkingDays(c.dossierCompletedOn!, 1) : cal.addWorkingDays(today, -overdue);
  const d = stageDeadlines(cal, stage, enteredOn, calendar.sla, c.dossierCompletedOn);
  const enteredAt = new Date(vnStartOfDay(enteredOn).getTime() + 9 * 3_600_000); // 09:00 in Vietnam
  await db.query(`UPDATE founding_case SET stage_entered_at = $2, stage_due_on = $3, warning_on = $4, critical_on = $5 WHERE id = $1 AND version = $6`, [
    c.id,
    enteredAt,
    d.dueOn,
    d.warningOn,
    d.criticalOn,
    c.version,
  ]);
  // The history of the current stage entry carries the same due day, as stage entry writes it: a report
  // replaying the case from its history and one reading the case as it is then agree.
  await db.query(
    `UPDATE case_transition SET stage_due_on = $2
      WHERE case_id = $1 AND version >= coalesce((SELECT max(version) FROM case_transition WHERE case_id = $1 AND from_stage IS DISTINCT FROM to_stage), 0)`,
    [c.id, d.dueOn],
  );
}
