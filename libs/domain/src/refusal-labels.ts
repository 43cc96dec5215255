import { CaseStage, Requirement } from './case-stage';
import { STAGE_LABELS } from './stage-labels';
import { NotAllowedCode } from './case-transitions';
import { IneligibleReason } from './eligibility';

/**
 * Vietnamese words for the codes a refusal carries (TRANSITION_NOT_ALLOWED's `unmet` and `reason`,
 * INELIGIBLE's `reasons`): one table each, used by the API's messages and importable by the web.
 * The stage names are STAGE_LABELS' (stage-labels.ts).
 */
export const REQUIREMENT_LABEL_VI: Readonly<Record<Requirement, string>> = Object.freeze({
  [Requirement.SURVEY_MISSING]: 'chưa có kết quả khảo sát',
  [Requirement.ENTERPRISE_HAS_UNION]: 'doanh nghiệp đã có công đoàn',
  [Requirement.NO_ASSIGNEE]: 'chưa phân công cán bộ phụ trách',
  [Requirement.NO_OUTREACH]: 'chưa có buổi tuyên truyền',
  [Requirement.NO_MOBILIZATION_COMMITTEE]: 'chưa thành lập ban vận động',
  [Requirement.TOO_FEW_APPLICATIONS]: 'chưa đủ đơn xin gia nhập',
  [Requirement.NO_CONGRESS]: 'chưa tổ chức đại hội',
  [Requirement.NO_DOSSIER]: 'chưa hoàn thiện hồ sơ',
  [Requirement.NO_DECISION]: 'chưa có quyết định công nhận',
});

/** Why a transition is not on the graph at all (TRANSITION_NOT_ALLOWED's `reason`). */
export const NOT_ALLOWED_LABEL_VI: Readonly<Record<NotAllowedCode, string>> = Object.freeze({
  TERMINAL: 'hồ sơ đã kết thúc, không chuyển sang giai đoạn khác được',
  NOT_OPEN: 'chỉ đóng được hồ sơ đang xử lý',
  NOT_CLOSED: 'chỉ mở lại được hồ sơ đã đóng',
  NO_CLOSED_FROM_STAGE: 'không rõ hồ sơ đã đóng ở giai đoạn nào nên không mở lại được',
});

export const INELIGIBLE_REASON_LABEL_VI: Readonly<Record<IneligibleReason, string>> = Object.freeze({
  [IneligibleReason.MANAGER]:
    'là người quản lý doanh nghiệp (chủ doanh nghiệp, thành viên hội đồng quản trị, giám đốc, người được ủy quyền ký hợp đồng lao động)',
  [IneligibleReason.SERVING_SENTENCE]: 'đang chấp hành án phạt tù',
  [IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT]: 'lao động nước ngoài có hợp đồng dưới 12 tháng',
  [IneligibleReason.ALREADY_MEMBER]: 'đã là đoàn viên công đoàn hoặc đã có đơn đang chờ xét',
});

/** "giai đoạn “Khảo sát”": how a message names a stage. */
export function stagePhraseVi(stage: CaseStage | string): string {
  const label = (STAGE_LABELS as Readonly<Record<string, string | undefined>>)[stage];
  return `giai đoạn “${label ?? stage}”`;
}

/** The unmet requirements, in the order given, as one Vietnamese phrase. */
export function requirementsPhraseVi(unmet: readonly Requirement[]): string {
  return unmet.map((r) => REQUIREMENT_LABEL_VI[r] ?? r).join('; ');
}
