/** Stages of a founding case (hồ sơ thành lập CĐCS), in pipeline order. */
export enum CaseStage {
  SURVEY = 'SURVEY',
  OUTREACH = 'OUTREACH',
  GUIDANCE = 'GUIDANCE',
  FOUNDING_CEREMONY = 'FOUNDING_CEREMONY',
  RECOGNITION_DECISION = 'RECOGNITION_DECISION',
  RECOGNIZED = 'RECOGNIZED',
  CLOSED = 'CLOSED',
}

/** Stages where work is still going on; only these carry an SLA and may be closed. */
export type OpenStage = CaseStage.SURVEY | CaseStage.OUTREACH | CaseStage.GUIDANCE | CaseStage.FOUNDING_CEREMONY | CaseStage.RECOGNITION_DECISION;

export const OPEN_STAGES: readonly OpenStage[] = Object.freeze([
  CaseStage.SURVEY,
  CaseStage.OUTREACH,
  CaseStage.GUIDANCE,
  CaseStage.FOUNDING_CEREMONY,
  CaseStage.RECOGNITION_DECISION,
] as const);

/** Every stage in display order (open stages first, then the two terminal ones). */
export const ALL_STAGES: readonly CaseStage[] = Object.freeze([...OPEN_STAGES, CaseStage.RECOGNIZED, CaseStage.CLOSED]);

export function isOpenStage(s: CaseStage): s is OpenStage {
  return (OPEN_STAGES as readonly CaseStage[]).includes(s);
}

/** A stage value coming from outside (GraphQL, a DB row) may be any string. */
export function isCaseStage(s: unknown): s is CaseStage {
  return typeof s === 'string' && (ALL_STAGES as readonly string[]).includes(s);
}

export enum CloseReason {
  ENTERPRISE_DISSOLVED = 'ENTERPRISE_DISSOLVED',
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  WORKERS_DECLINED = 'WORKERS_DECLINED',
  EMPLOYER_OBSTRUCTION = 'EMPLOYER_OBSTRUCTION',
  ALREADY_HAS_UNION = 'ALREADY_HAS_UNION',
  OTHER = 'OTHER',
}

/**
 * Exit requirements a refusal can name. The declaration order is the order in which
 * unmet requirements are reported, so clients see a stable list.
 */
export enum Requirement {
  SURVEY_MISSING = 'SURVEY_MISSING',
  ENTERPRISE_HAS_UNION = 'ENTERPRISE_HAS_UNION',
  NO_ASSIGNEE = 'NO_ASSIGNEE',
  NO_OUTREACH = 'NO_OUTREACH',
  NO_MOBILIZATION_COMMITTEE = 'NO_MOBILIZATION_COMMITTEE',
  TOO_FEW_APPLICATIONS = 'TOO_FEW_APPLICATIONS',
  NO_CONGRESS = 'NO_CONGRESS',
  NO_DOSSIER = 'NO_DOSSIER',
  NO_DECISION = 'NO_DECISION',
}

/** Requirement codes in report order. */
export const REQUIREMENT_ORDER: readonly Requirement[] = Object.freeze(Object.values(Requirement));
