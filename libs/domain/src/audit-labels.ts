import { COLUMN_VI, COLUMN_VI_BY_TABLE } from './audit-labels-columns';
import { OPERATION_VI } from './audit-labels-operations';

/**
 * The audit log's vocabulary in Vietnamese (docs/architecture.md#audit-log): the log stores technical names
 * (operations, tables, columns) so that admins can filter by them; the dashboard and the export show these
 * labels beside them. Anything unknown (a newer server's) reads as its raw name.
 */

/** Every table in AUDITED_TABLES (libs/persistence): the record kinds a change names. */
export const TABLE_VI: Readonly<Record<string, string>> = Object.freeze({
  admission_decision: 'Quyết định kết nạp đoàn viên',
  app_user: 'Tài khoản',
  budget_entry: 'Sổ chi',
  budget_heading: 'Khoản chi',
  budget_plan: 'Dự toán chi',
  calendar_day: 'Lịch làm việc',
  case_evidence: 'Minh chứng hồ sơ',
  case_transition: 'Lịch sử chuyển giai đoạn hồ sơ',
  document_settings: 'Thông tin ban hành văn bản',
  enterprise: 'Doanh nghiệp',
  enterprise_funding_type: 'Loại hình tài chính của doanh nghiệp',
  enterprise_worker_count: 'Số lao động của doanh nghiệp',
  escalation: 'Cảnh báo quá hạn',
  founding_case: 'Hồ sơ thành lập CĐCS',
  grassroots_employer: 'Doanh nghiệp của CĐCS',
  grassroots_staff: 'Danh sách người lao động của CĐCS',
  member: 'Đoàn viên',
  membership_application: 'Đơn xin gia nhập',
  notification: 'Thông báo',
  official_document: 'Văn bản',
  officer_area: 'Địa bàn cán bộ',
  officer_area_district: 'Địa bàn cán bộ: huyện/xã',
  officer_area_enterprise: 'Địa bàn cán bộ: doanh nghiệp',
  org_unit: 'Đơn vị',
  org_unit_change: 'Thay đổi tổ chức',
  org_unit_move: 'Chuyển đơn vị',
  party_recommendation: 'Nghị quyết giới thiệu đoàn viên cho Đảng',
  party_recommendation_member: 'Đoàn viên được giới thiệu cho Đảng',
  register_import: 'Lần nhập sổ doanh nghiệp',
  report: 'Báo cáo',
  review_action_item: 'Việc cần làm sau giao ban',
  review_meeting: 'Cuộc giao ban',
  reward_nomination: 'Đề xuất khen thưởng',
  reward_nomination_event: 'Lịch sử đề xuất khen thưởng',
  statistics_return: 'Báo cáo thống kê của CĐCS',
  statistics_return_setting: 'Thiết lập kỳ báo cáo thống kê',
  statistics_return_version: 'Lịch sử báo cáo thống kê',
  target: 'Chỉ tiêu',
  union_group: 'Tổ công đoàn',
  union_group_member: 'Thành viên tổ công đoàn',
  work_plan: 'Kế hoạch năm',
  work_plan_assignment: 'Phân công trong kế hoạch',
});

/**
 * The GraphQL types a mutation that changed nothing is logged under (its result's type and id), e.g. an
 * acknowledgement already made: every type with an id that a Mutation field returns.
 */
export const ENTITY_TYPE_VI: Readonly<Record<string, string>> = Object.freeze({
  ActionItem: 'Việc cần làm sau giao ban',
  AdmissionDecision: 'Quyết định kết nạp đoàn viên',
  BudgetHeading: 'Khoản chi',
  Enterprise: 'Doanh nghiệp',
  Escalation: 'Cảnh báo quá hạn',
  FoundingCase: 'Hồ sơ thành lập CĐCS',
  GrassrootsUnion: 'Công đoàn cơ sở',
  Member: 'Người lao động của CĐCS',
  MembershipApplication: 'Đơn xin gia nhập',
  OfficialDocument: 'Văn bản',
  OrgUnit: 'Đơn vị',
  OrgUnitChange: 'Thay đổi tổ chức',
  PartyRecommendation: 'Nghị quyết giới thiệu đoàn viên cho Đảng',
  Plan: 'Kế hoạch năm',
  RegisterImport: 'Lần nhập sổ doanh nghiệp',
  Report: 'Báo cáo',
  ReviewMeeting: 'Cuộc giao ban',
  RewardNomination: 'Đề xuất khen thưởng',
  StatisticsReturn: 'Báo cáo thống kê của CĐCS',
  UnionGroup: 'Tổ công đoàn',
  UpperLevelMember: 'Đoàn viên kết nạp trực tiếp của công đoàn cấp trên',
  User: 'Tài khoản',
});

/** audit_change.op. */
export const CHANGE_OP_VI: Readonly<Record<string, string>> = Object.freeze({ INSERT: 'Thêm', UPDATE: 'Sửa', DELETE: 'Xoá' });

// Own keys only: a raw name such as `constructor` must not find Object.prototype's.
const own = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

/** The Vietnamese name of an audit row's operation, or the operation itself when unknown. */
export function operationLabel(operation: string): string {
  return own(OPERATION_VI, operation) ?? operation;
}

/** The Vietnamese name of a table or of a logged GraphQL type (an audit row's entity), or the name itself. */
export function tableLabel(name: string): string {
  return own(TABLE_VI, name) ?? own(ENTITY_TYPE_VI, name) ?? name;
}

/** The Vietnamese name of a column of an audited table, or the column itself when unknown. */
export function columnLabel(table: string, column: string): string {
  const byTable = own(COLUMN_VI_BY_TABLE, table);
  return (byTable && own(byTable, column)) ?? own(COLUMN_VI, column) ?? column;
}

/** INSERT / UPDATE / DELETE in Vietnamese. */
export function changeOpLabel(op: string): string {
  return own(CHANGE_OP_VI, op) ?? op;
}
