import { IsoDate } from '@app/domain';

/**
 * The Vietnamese words of the API's refusals, in one place (docs/architecture.md#errors): how each
 * input field is named to users, how each kind of record is named in NOT_FOUND, and the sentences
 * of the common field rules ("Ngày khảo sát không được sau hôm nay (05/12/2026)").
 */
export const FIELD_LABEL: Readonly<Record<string, string>> = Object.freeze({
  // The enterprise register (the import's headings where it has one).
  name: 'Tên',
  taxCode: 'Mã số thuế',
  workerCount: 'Số lao động',
  workerCountOn: 'Ngày đếm lao động',
  address: 'Địa chỉ',
  district: 'Huyện/Xã',
  sector: 'Ngành',
  ownership: 'Loại hình',
  fundingType: 'Loại hình tài chính',
  fundingTypeFrom: 'Ngày áp dụng loại hình tài chính',
  hasUnion: 'Đã có công đoàn',
  orgUnitId: 'Đơn vị',
  closedOn: 'Ngày ngừng hoạt động',
  note: 'Ghi chú',
  search: 'Từ khóa tìm kiếm',
  minWorkers: 'Số lao động tối thiểu',
  caseStatus: 'Tình trạng hồ sơ',
  includeClosed: 'Gồm doanh nghiệp đã ngừng hoạt động',
  sort: 'Sắp xếp',
  first: 'Số dòng mỗi trang',
  after: 'Con trỏ trang',
  // Official documents (docs/architecture.md#official-documents).
  sourceId: 'Hồ sơ, quyết định kết nạp hoặc báo cáo nguồn',
  issuedOn: 'Ngày ban hành',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Đề xuất, kiến nghị',
  parentLine: 'Tên cơ quan cấp trên',
  issuerName: 'Tên cơ quan ban hành',
  shortName: 'Chữ viết tắt tên cơ quan',
  placeName: 'Địa danh',
  authorityLine: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
  recipients: 'Nơi nhận',
  // Founding cases and their evidence.
  id: 'Mã',
  caseId: 'Hồ sơ',
  enterpriseId: 'Doanh nghiệp',
  expectedVersion: 'Phiên bản hồ sơ',
  assigneeId: 'Cán bộ phụ trách',
  reason: 'Lý do',
  comment: 'Ghi chú',
  stage: 'Giai đoạn',
  overdue: 'Quá hạn',
  surveyedOn: 'Ngày khảo sát',
  contactName: 'Người liên hệ',
  heldOn: 'Ngày tổ chức',
  workersReached: 'Số người được tuyên truyền',
  workersInterested: 'Số người quan tâm',
  formedOn: 'Ngày thành lập ban vận động',
  memberNames: 'Thành viên ban vận động',
  attendees: 'Số người dự đại hội',
  executiveCommittee: 'Ban chấp hành',
  chairName: 'Chủ tịch công đoàn',
  dossierCompletedOn: 'Ngày hoàn thiện hồ sơ',
  decidedOn: 'Ngày quyết định',
  establishedOn: 'Ngày thành lập',
  decisionNumber: 'Số quyết định',
  signedBy: 'Người ký',
  grassrootsUnionName: 'Tên công đoàn cơ sở',
  // Membership applications.
  applicationId: 'Đơn xin gia nhập',
  grassrootsUnionId: 'Công đoàn cơ sở',
  fullName: 'Họ tên',
  gender: 'Giới tính',
  position: 'Chức danh, công việc',
  nationality: 'Quốc tịch',
  personalId: 'Số định danh cá nhân',
  birthYear: 'Năm sinh',
  contractMonths: 'Thời hạn hợp đồng (tháng)',
  submittedOn: 'Ngày nộp đơn',
  isManager: 'Là người quản lý',
  servingSentence: 'Đang chấp hành án',
  admit: 'Kết nạp',
  // Accounts, units, planning, reports, rewards, the calendar.
  email: 'E-mail',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  role: 'Vai trò',
  active: 'Đang hoạt động',
  kind: 'Loại',
  parentId: 'Đơn vị cấp trên',
  rootId: 'Đơn vị gốc',
  officerId: 'Cán bộ',
  year: 'Năm',
  newGrassrootsUnions: 'Số CĐCS thành lập mới',
  newMembers: 'Số đoàn viên kết nạp mới',
  coveragePercent: 'Tỉ lệ doanh nghiệp có công đoàn (%)',
  periodKind: 'Loại kỳ',
  periodStart: 'Ngày đầu kỳ',
  approve: 'Duyệt',
  day: 'Ngày',
  today: 'Hôm nay',
  openOnly: 'Chỉ cảnh báo chưa xử lý',
  filter: 'Bộ lọc',
  input: 'Dữ liệu',
  // Party recommendations (4A-KNĐ) and union groups of a CĐCS.
  resolutionNumber: 'Số nghị quyết',
  resolutionOn: 'Ngày nghị quyết',
  recommendationId: 'Nghị quyết giới thiệu',
  memberId: 'Đoàn viên',
  admitted: 'Được kết nạp Đảng',
  unionGroupId: 'Tổ công đoàn',
  leaderMemberId: 'Tổ trưởng',
  // Review meetings (giao ban).
  chairId: 'Người chủ trì',
  title: 'Tiêu đề',
  dayOfMonth: 'Ngày trong tháng',
  rule: 'Cách xếp lịch',
  minutes: 'Biên bản',
  actionItems: 'Việc cần làm',
  what: 'Nội dung việc',
  dueOn: 'Hạn hoàn thành',
  // The plan, areas and budget (docs/architecture.md#plan-areas-and-budget).
  number: 'Số kế hoạch',
  assignments: 'Phân công',
  duty: 'Nhiệm vụ',
  baseVersion: 'Phiên bản kế hoạch',
  version: 'Phiên bản',
  enterpriseIds: 'Doanh nghiệp phụ trách',
  districts: 'Địa bàn (huyện/xã)',
  shared: 'Địa bàn dùng chung',
  headingId: 'Khoản chi',
  lines: 'Dự toán các khoản chi',
  amount: 'Số tiền',
  spentOn: 'Ngày chi',
  voucherNumber: 'Số chứng từ',
  entryId: 'Khoản đã ghi',
  // Statistics returns' period settings.
  halfYearDay: 'Ngày chốt số liệu 6 tháng',
  yearDay: 'Ngày chốt số liệu năm',
  dueWorkingDays: 'Số ngày làm việc đến hạn nộp',
  reminderWorkingDays: 'Số ngày làm việc nhắc trước hạn',
  inherit: 'Dùng thiết lập của cấp trên',
  // The audit log's filter.
  from: 'Từ ngày',
  to: 'Đến ngày',
  actor: 'Người thực hiện',
  operation: 'Thao tác',
  entity: 'Bảng dữ liệu',
  entityId: 'Mã bản ghi',
});

/** The user-facing name of an input field or argument (its API name when the table has none). */
export function fieldLabel(field: string): string {
  return FIELD_LABEL[field] ?? field;
}

/** The records a NOT_FOUND names: "Không tìm thấy <name>". */
export const ENTITY_VI = Object.freeze({
  foundingCase: 'hồ sơ thành lập CĐCS',
  orgUnit: 'đơn vị',
  enterprise: 'doanh nghiệp',
  officer: 'cán bộ',
  account: 'tài khoản',
  application: 'đơn xin gia nhập',
  report: 'báo cáo',
  escalation: 'cảnh báo',
  nomination: 'đề xuất khen thưởng',
  registerImport: 'lần nhập này',
  record: 'bản ghi',
  member: 'người lao động trong danh sách của CĐCS',
  grassrootsUnion: 'CĐCS',
  upperLevelMember: 'đoàn viên kết nạp trực tiếp của công đoàn cấp trên',
  statisticsReturn: 'báo cáo thống kê của CĐCS',
  partyRecommendation: 'nghị quyết giới thiệu đoàn viên cho Đảng',
  unionGroup: 'tổ công đoàn',
  reviewMeeting: 'cuộc giao ban',
  actionItem: 'việc cần làm sau giao ban',
  plan: 'kế hoạch',
  budgetHeading: 'khoản chi',
  budgetEntry: 'khoản đã ghi sổ chi',
  document: 'văn bản',
});
export type Entity = keyof typeof ENTITY_VI;

export const notFoundText = (what: Entity): string => `Không tìm thấy ${ENTITY_VI[what]}`;

/** `n` with Vietnamese digit grouping: 1.000.000. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** dd/mm/yyyy, the way Vietnamese documents write a day. */
export function dayMonthYear(day: IsoDate): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The earliest day a dated fact (evidence, a count, a closing, an application) may carry. */
export const EARLIEST_DAY = '2000-01-01';

/** The sentences of the common field rules, each naming the field by its label. */
export const RULE = Object.freeze({
  notEmpty: (f: string) => `${fieldLabel(f)} không được để trống`,
  tooLong: (f: string, max: number) => `${fieldLabel(f)} không được dài quá ${formatCount(max)} ký tự`,
  realDay: (f: string) => `${fieldLabel(f)} phải là một ngày có thật, dạng YYYY-MM-DD`,
  notAfterToday: (f: string, today: IsoDate) => `${fieldLabel(f)} không được sau hôm nay (${dayMonthYear(today)})`,
  notBefore: (f: string, day: IsoDate) => `${fieldLabel(f)} không được trước ngày ${dayMonthYear(day)}`,
  wholeNumber: (f: string) => `${fieldLabel(f)} phải là số nguyên`,
  atLeast: (f: string, min: number) => `${fieldLabel(f)} phải từ ${formatCount(min)} trở lên`,
  atMost: (f: string, max: number) => `${fieldLabel(f)} không được quá ${formatCount(max)}`,
  between: (f: string, min: number, max: number) => `${fieldLabel(f)} phải từ ${formatCount(min)} đến ${formatCount(max)}`,
  notGreaterThan: (f: string, other: string) => `${fieldLabel(f)} không được lớn hơn ${fieldLabel(other).toLowerCase()}`,
  oneOf: (f: string, values: readonly string[]) => `${fieldLabel(f)} phải là một trong: ${values.join(', ')}`,
  exactlyOne: (a: string, b: string) => `Hãy chọn đúng một trong hai: ${fieldLabel(a).toLowerCase()} hoặc ${fieldLabel(b).toLowerCase()}`,
  badCursor: () => 'Con trỏ trang không hợp lệ (hãy dùng endCursor của trang trước)',
});

/** A whole number in [min, max]: the rule it breaks (typed, then below, then above), or null. */
export function countProblem(field: string, value: unknown, min: number, max: number): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return RULE.wholeNumber(field);
  if (value < min) return RULE.atLeast(field, min);
  if (value > max) return RULE.atMost(field, max);
  return null;
}

/** A day in [EARLIEST_DAY, today]: the rule it breaks, or null. */
export function pastDayProblem(field: string, value: unknown, today: IsoDate, isDay: (v: string) => boolean): string | null {
  if (typeof value !== 'string' || !isDay(value)) return RULE.realDay(field);
  if (value > today) return RULE.notAfterToday(field, today);
  if (value < EARLIEST_DAY) return RULE.notBefore(field, EARLIEST_DAY);
  return null;
}

/** What an unexpected failure answers (the details go to the log, never to the caller). */
export const INTERNAL_ERROR_MESSAGE = 'Lỗi máy chủ; hãy thử lại sau ít phút';
/** What a request answers while Postgres is away (SERVICE_UNAVAILABLE): nothing was written, a retry later works. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'Cơ sở dữ liệu tạm thời không sẵn sàng; hãy thử lại sau ít phút';
/** What a request answers when its statement hit the lock or statement timeout (SERVICE_UNAVAILABLE): nothing was written. */
export const DATABASE_BUSY_MESSAGE = 'Hệ thống đang bận, thao tác chưa được thực hiện; hãy thử lại sau ít phút';
/** A malformed id (not a UUID) names nothing that exists. */
export const NO_SUCH_ID_MESSAGE = 'Không tìm thấy bản ghi có mã này';
