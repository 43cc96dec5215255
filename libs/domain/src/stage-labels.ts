import { CaseStage } from './case-stage';

/**
 * The Vietnamese name of each stage: the one table the dashboard, the XLSX and CSV reports, the
 * e-mails and the documents use, so a stage reads the same everywhere (docs/architecture.md#figures).
 */
export const STAGE_LABELS: Record<CaseStage, string> = {
  [CaseStage.SURVEY]: 'Khảo sát',
  [CaseStage.OUTREACH]: 'Tuyên truyền vận động',
  [CaseStage.GUIDANCE]: 'Hướng dẫn thủ tục',
  [CaseStage.FOUNDING_CEREMONY]: 'Đại hội thành lập',
  [CaseStage.RECOGNITION_DECISION]: 'Quyết định công nhận',
  [CaseStage.RECOGNIZED]: 'Đã công nhận',
  [CaseStage.CLOSED]: 'Đã đóng',
};
