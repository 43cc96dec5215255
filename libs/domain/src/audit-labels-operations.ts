/**
 * The Vietnamese names of the operations an audit row can carry (`audit_log.operation`): the GraphQL mutations, the
 * personal-data reads, the audited HTTP routes (`METHOD /route`) and the audited worker jobs (`job <name>`).
 * audit-labels-operations.spec.ts fails when the schema or the code gains one without a name here.
 */

/** Every field of `type Mutation` in schema.gql. */
export const MUTATION_VI: Readonly<Record<string, string>> = Object.freeze({
  login: 'Đăng nhập',
  changePassword: 'Đổi mật khẩu',
  // Accounts.
  createUser: 'Tạo tài khoản',
  updateUser: 'Sửa tài khoản',
  deactivateUser: 'Khoá tài khoản',
  reactivateUser: 'Mở khoá tài khoản',
  resetPassword: 'Đặt lại mật khẩu',
  createGrassrootsAccount: 'Tạo tài khoản CĐCS',
  // Units and restructuring.
  createOrgUnit: 'Tạo đơn vị',
  updateOrgUnit: 'Đổi tên đơn vị',
  moveOrgUnit: 'Chuyển đơn vị sang cấp trên khác',
  transferOrgUnits: 'Chuyển nhiều đơn vị sang cấp trên khác',
  renameOrgUnit: 'Đổi tên đơn vị từ một ngày',
  foundOrgUnit: 'Thành lập đơn vị',
  dissolveOrgUnit: 'Giải thể đơn vị',
  upgradeOrgUnit: 'Nâng cấp đơn vị',
  downgradeOrgUnit: 'Hạ cấp đơn vị',
  mergeOrgUnits: 'Sáp nhập đơn vị',
  splitOrgUnit: 'Chia tách đơn vị',
  cancelOrgUnitChange: 'Huỷ thay đổi tổ chức',
  // Official documents.
  issueDocument: 'Ban hành văn bản',
  cancelDocument: 'Huỷ văn bản',
  saveDocumentSettings: 'Lưu thông tin ban hành văn bản',
  // Enterprises and founding cases.
  createEnterprise: 'Thêm doanh nghiệp',
  updateEnterprise: 'Sửa thông tin doanh nghiệp',
  closeEnterprise: 'Ghi doanh nghiệp ngừng hoạt động',
  reopenEnterprise: 'Ghi doanh nghiệp hoạt động trở lại',
  confirmRegisterImport: 'Xác nhận nhập sổ doanh nghiệp',
  cancelRegisterImport: 'Huỷ nhập sổ doanh nghiệp',
  openFoundingCase: 'Mở hồ sơ thành lập CĐCS',
  assignFoundingCase: 'Phân công cán bộ phụ trách hồ sơ',
  recordSurvey: 'Ghi kết quả khảo sát',
  recordOutreach: 'Ghi nhận tuyên truyền, vận động',
  formMobilizationCommittee: 'Thành lập ban vận động',
  recordFoundingCongress: 'Ghi đại hội thành lập',
  recordRecognitionDecision: 'Ghi quyết định công nhận',
  advanceFoundingCase: 'Chuyển giai đoạn hồ sơ',
  closeFoundingCase: 'Đóng hồ sơ',
  reopenFoundingCase: 'Mở lại hồ sơ',
  submitApplication: 'Nộp đơn xin gia nhập',
  decideApplication: 'Xét đơn xin gia nhập',
  acknowledgeEscalation: 'Xác nhận đã xem cảnh báo',
  acknowledgeCaseEscalations: 'Xác nhận đã xem cảnh báo của hồ sơ',
  // A CĐCS's staff and members.
  addStaff: 'Thêm người lao động vào danh sách CĐCS',
  updateStaff: 'Sửa thông tin người lao động',
  admitMembers: 'Kết nạp đoàn viên',
  recordMemberLeaving: 'Ghi nhận giảm đoàn viên',
  transferMember: 'Tiếp nhận đoàn viên chuyển sinh hoạt',
  recordUpperLevelMemberLeaving: 'Ghi nhận giảm đoàn viên kết nạp trực tiếp của công đoàn cấp trên',
  transferUpperLevelMember: 'Chuyển đoàn viên kết nạp trực tiếp về CĐCS',
  setGrassrootsEmployer: 'Ghi doanh nghiệp của CĐCS',
  recommendMembersToParty: 'Giới thiệu đoàn viên ưu tú cho Đảng',
  recordPartyAdmission: 'Ghi kết quả kết nạp Đảng',
  saveUnionGroup: 'Lưu tổ công đoàn',
  removeUnionGroup: 'Xoá tổ công đoàn',
  assignMemberToUnionGroup: 'Xếp đoàn viên vào tổ công đoàn',
  // Statistics returns.
  saveStatisticsReturn: 'Lưu báo cáo thống kê',
  submitStatisticsReturn: 'Nộp báo cáo thống kê',
  acceptStatisticsReturn: 'Duyệt báo cáo thống kê',
  sendBackStatisticsReturn: 'Trả lại báo cáo thống kê',
  saveStatisticsReturnSettings: 'Lưu thiết lập kỳ báo cáo thống kê',
  // Review meetings.
  scheduleReviewMeeting: 'Lên lịch giao ban',
  scheduleMonthlyReviewMeetings: 'Lên lịch giao ban hằng tháng',
  cancelReviewMeeting: 'Huỷ cuộc giao ban',
  holdReviewMeeting: 'Ghi biên bản giao ban',
  completeActionItem: 'Hoàn thành việc sau giao ban',
  // Plans, targets, areas, budget, rewards, reports, the calendar.
  setTarget: 'Giao chỉ tiêu',
  savePlan: 'Lưu kế hoạch năm',
  saveOfficerArea: 'Phân địa bàn cho cán bộ',
  saveBudgetHeading: 'Lưu khoản chi',
  setBudgetPlan: 'Lập dự toán chi',
  recordBudgetEntry: 'Ghi sổ chi',
  reverseBudgetEntry: 'Ghi đảo khoản chi đã ghi',
  evaluateRewards: 'Xét đề xuất khen thưởng',
  decideNomination: 'Duyệt đề xuất khen thưởng',
  requestReport: 'Yêu cầu lập báo cáo',
  setCalendarDay: 'Đặt ngày nghỉ, ngày làm bù',
  saveCalendarDay: 'Lưu ngày trong lịch làm việc',
  saveCalendarDays: 'Lưu nhiều ngày trong lịch làm việc',
  removeCalendarDay: 'Bỏ ngày khỏi lịch làm việc',
});

/** The queries marked `@AuditedRead` (they list personal data): each call is logged. */
export const AUDITED_READ_VI: Readonly<Record<string, string>> = Object.freeze({
  members: 'Xem danh sách người lao động của CĐCS',
  member: 'Xem thông tin một người lao động',
  admissionDecisions: 'Xem các quyết định kết nạp của CĐCS',
  upperLevelMembers: 'Xem danh sách đoàn viên kết nạp trực tiếp của công đoàn cấp trên',
});

/** The routes of the `@Audited()` controllers, as the interceptor names them (method and route pattern). */
export const HTTP_OPERATION_VI: Readonly<Record<string, string>> = Object.freeze({
  'POST /admin/session': 'Mở phiên quản trị hàng đợi',
  'DELETE /admin/session': 'Đóng phiên quản trị hàng đợi',
  'GET /audit-log.xlsx': 'Xuất Excel nhật ký thay đổi',
  'GET /registers/enterprises.xlsx': 'Xuất Excel sổ doanh nghiệp',
  'GET /registers/members.xlsx': 'Xuất Excel danh sách người lao động của CĐCS',
  'POST /imports/enterprises': 'Tải lên tệp sổ doanh nghiệp (kiểm tra)',
  'GET /imports/:id/refused.xlsx': 'Tải các dòng sổ doanh nghiệp bị từ chối',
  'POST /imports/staff': 'Nhập danh sách người lao động từ tệp',
  'POST /imports/staff/refused.xlsx': 'Tải các dòng danh sách người lao động bị từ chối',
  'GET /reports/:id/xlsx': 'Tải báo cáo (Excel)',
  'GET /reports/:id/csv': 'Tải báo cáo (CSV)',
});

/** The worker's audited jobs (`job <JobName>`), attributed to the user who asked or to the system. */
export const JOB_OPERATION_VI: Readonly<Record<string, string>> = Object.freeze({
  'job apply-register-import': 'Áp dụng nhập sổ doanh nghiệp (tự động)',
  'job apply-org-unit-changes': 'Áp dụng thay đổi tổ chức đến hạn (tự động)',
  'job evaluate-rewards': 'Xét đề xuất khen thưởng (tự động)',
  'job recompute-due-days': 'Tính lại hạn hồ sơ theo lịch làm việc (tự động)',
});

/** Every operation an audit row may name. */
export const OPERATION_VI: Readonly<Record<string, string>> = Object.freeze({
  ...MUTATION_VI,
  ...AUDITED_READ_VI,
  ...HTTP_OPERATION_VI,
  ...JOB_OPERATION_VI,
});
