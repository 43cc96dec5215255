import { CaseStage, OpenStage, OPEN_STAGES, Requirement, REQUIREMENT_ORDER, isOpenStage } from './case-stage';

/** What the backend knows about a case when it decides whether the case may move. */
export interface CaseFacts {
  stage: CaseStage;
  /** Set while CLOSED: the stage a reopen returns to. */
  closedFromStage: OpenStage | null;
  assigneeId: string | null;
  survey: { workerCount: number; hasUnion: boolean } | null;
  outreachCount: number;
  committeeFormed: boolean;
  /** Submitted, eligible applications on the case. */
  eligibleApplications: number;
  congressHeld: boolean;
  /** YYYY-MM-DD */
  dossierCompletedOn: string | null;
  decisionRecorded: boolean;
}

export interface CaseRules {
  /** Eligible applications needed before the founding congress. */
  minApplications: number;
}

export const DEFAULT_CASE_RULES: CaseRules = Object.freeze({ minApplications: 5 });

export type TransitionPlan =
  { ok: true; from: CaseStage; to: CaseStage } | { ok: false; from: CaseStage; unmet: Requirement[] } | { ok: false; from: CaseStage; notAllowed: string };

/** Codes used in `notAllowed` plans. */
export const NotAllowed = Object.freeze({
  /** advance from RECOGNIZED or CLOSED */
  TERMINAL: 'TERMINAL',
  /** close from a stage that is not open */
  NOT_OPEN: 'NOT_OPEN',
  /** reopen from a stage that is not CLOSED */
  NOT_CLOSED: 'NOT_CLOSED',
  /** reopen of a CLOSED case that does not know where it was closed */
  NO_CLOSED_FROM_STAGE: 'NO_CLOSED_FROM_STAGE',
} as const);
export type NotAllowedCode = (typeof NotAllowed)[keyof typeof NotAllowed];

/** One row of the transition table. */
export interface StageTransitions {
  /** Every legal edge out of the stage: advance, close and reopen targets. */
  readonly to: readonly CaseStage[];
  /** Where `advance` leads; null when the stage is terminal for advance. */
  readonly advance: CaseStage | null;
  /** Exit requirements checked before advancing (codes; see REQUIREMENT_CHECKS). */
  readonly guard: readonly Requirement[];
}

export type TransitionTable = Readonly<Record<CaseStage, StageTransitions>>;

/**
 * The state machine as data. Kept in one table so the graph can be checked at boot
 * (assertStageGraphSound) and printed for documentation; the code below only interprets it.
 */
export const CASE_TRANSITIONS: TransitionTable = freezeTable({
  [CaseStage.SURVEY]: {
    to: [CaseStage.OUTREACH, CaseStage.CLOSED],
    advance: CaseStage.OUTREACH,
    guard: [Requirement.SURVEY_MISSING, Requirement.ENTERPRISE_HAS_UNION, Requirement.NO_ASSIGNEE],
  },
  [CaseStage.OUTREACH]: {
    to: [CaseStage.GUIDANCE, CaseStage.CLOSED],
    advance: CaseStage.GUIDANCE,
    guard: [Requirement.NO_ASSIGNEE, Requirement.NO_OUTREACH],
  },
  [CaseStage.GUIDANCE]: {
    to: [CaseStage.FOUNDING_CEREMONY, CaseStage.CLOSED],
    advance: CaseStage.FOUNDING_CEREMONY,
    guard: [Requirement.NO_ASSIGNEE, Requirement.NO_MOBILIZATION_COMMITTEE, Requirement.TOO_FEW_APPLICATIONS],
  },
  [CaseStage.FOUNDING_CEREMONY]: {
    to: [CaseStage.RECOGNITION_DECISION, CaseStage.CLOSED],
    advance: CaseStage.RECOGNITION_DECISION,
    guard: [Requirement.NO_ASSIGNEE, Requirement.NO_CONGRESS, Requirement.NO_DOSSIER],
  },
  [CaseStage.RECOGNITION_DECISION]: {
    to: [CaseStage.RECOGNIZED, CaseStage.CLOSED],
    advance: CaseStage.RECOGNIZED,
    guard: [Requirement.NO_ASSIGNEE, Requirement.NO_DECISION],
  },
  [CaseStage.RECOGNIZED]: { to: [], advance: null, guard: [] },
  // A closed case goes back to the stage it was closed in; which one is decided by the facts.
  [CaseStage.CLOSED]: { to: [...OPEN_STAGES], advance: null, guard: [] },
});

// Deep-freeze so no caller can bend the shared graph at run time.
function freezeTable(t: Record<CaseStage, StageTransitions>): TransitionTable {
  for (const row of Object.values(t)) {
    Object.freeze(row.to);
    Object.freeze(row.guard);
    Object.freeze(row);
  }
  return Object.freeze(t);
}

/** How each requirement is met. `true` = met. */
export const REQUIREMENT_CHECKS: Readonly<Record<Requirement, (f: CaseFacts, rules: CaseRules) => boolean>> = Object.freeze({
  [Requirement.SURVEY_MISSING]: (f) => f.survey !== null,
  // Without a survey we cannot tell; SURVEY_MISSING already covers that case.
  [Requirement.ENTERPRISE_HAS_UNION]: (f) => f.survey === null || !f.survey.hasUnion,
  [Requirement.NO_ASSIGNEE]: (f) => f.assigneeId !== null && f.assigneeId !== '',
  [Requirement.NO_OUTREACH]: (f) => f.outreachCount >= 1,
  [Requirement.NO_MOBILIZATION_COMMITTEE]: (f) => f.committeeFormed,
  [Requirement.TOO_FEW_APPLICATIONS]: (f, r) => f.eligibleApplications >= r.minApplications,
  [Requirement.NO_CONGRESS]: (f) => f.congressHeld,
  [Requirement.NO_DOSSIER]: (f) => f.dossierCompletedOn !== null && f.dossierCompletedOn !== '',
  [Requirement.NO_DECISION]: (f) => f.decisionRecorded,
});

function byRequirementOrder(a: Requirement, b: Requirement): number {
  return REQUIREMENT_ORDER.indexOf(a) - REQUIREMENT_ORDER.indexOf(b);
}

/** Every unmet exit requirement of the current stage, in Requirement order ([] when none or terminal). */
export function unmetRequirements(f: CaseFacts, rules: CaseRules = DEFAULT_CASE_RULES, table: TransitionTable = CASE_TRANSITIONS): Requirement[] {
  return table[f.stage].guard.filter((req) => !REQUIREMENT_CHECKS[req](f, rules)).sort(byRequirementOrder);
}

export function planAdvance(f: CaseFacts, rules: CaseRules = DEFAULT_CASE_RULES): TransitionPlan {
  const row = CASE_TRANSITIONS[f.stage];
  if (row.advance === null) return { ok: false, from: f.stage, notAllowed: NotAllowed.TERMINAL };
  // Report every unmet requirement at once so the officer can fix them in one go.
  const unmet = unmetRequirements(f, rules);
  if (unmet.length > 0) return { ok: false, from: f.stage, unmet };
  return { ok: true, from: f.stage, to: row.advance };
}

export function planClose(f: CaseFacts): TransitionPlan {
  if (!isOpenStage(f.stage) || !CASE_TRANSITIONS[f.stage].to.includes(CaseStage.CLOSED)) {
    return { ok: false, from: f.stage, notAllowed: NotAllowed.NOT_OPEN };
  }
  return { ok: true, from: f.stage, to: CaseStage.CLOSED };
}

export function planReopen(f: CaseFacts): TransitionPlan {
  if (f.stage !== CaseStage.CLOSED) return { ok: false, from: f.stage, notAllowed: NotAllowed.NOT_CLOSED };
  const target = f.closedFromStage;
  if (target === null || !CASE_TRANSITIONS[CaseStage.CLOSED].to.includes(target)) {
    return { ok: false, from: f.stage, notAllowed: NotAllowed.NO_CLOSED_FROM_STAGE };
  }
  return { ok: true, from: f.stage, to: target };
}

export function allowedTargets(stage: CaseStage): CaseStage[] {
  return [...CASE_TRANSITIONS[stage].to];
}

/** The opening step of a case: there is no stage before it. */
export const INITIAL_STAGE = CaseStage.SURVEY;

export function isLegalStep(from: CaseStage | null, to: CaseStage): boolean {
  if (from === null) return to === INITIAL_STAGE;
  const row = CASE_TRANSITIONS[from] as StageTransitions | undefined;
  return row !== undefined && row.to.includes(to);
}

export type TransitionKind = 'OPEN' | 'ADVANCE' | 'CLOSE' | 'REOPEN';

/** Names a legal step for history rows and metrics; null when the step is illegal. */
export function transitionKind(from: CaseStage | null, to: CaseStage): TransitionKind | null {
  if (!isLegalStep(from, to)) return null;
  if (from === null) return 'OPEN';
  if (to === CaseStage.CLOSED) return 'CLOSE';
  if (from === CaseStage.CLOSED) return 'REOPEN';
  return 'ADVANCE';
}

/** Every problem found in a transition table; [] when sound. */
export function stageGraphProblems(table: TransitionTable = CASE_TRANSITIONS): string[] {
  const known = new Set<string>(Object.values(CaseStage));
  const problems: string[] = [];
  for (const stage of known) {
    if (!Object.prototype.hasOwnProperty.call(table, stage)) problems.push(`stage ${stage} has no row in the table`);
  }
  for (const [stage, row] of Object.entries<StageTransitions>(table)) {
    if (!known.has(stage)) problems.push(`table row ${stage} is not a known stage`);
    for (const target of row.to) {
      if (!known.has(target)) problems.push(`${stage} -> ${String(target)}: unknown target`);
    }
    if (row.advance !== null && !row.to.includes(row.advance)) {
      problems.push(`${stage}: advance target ${row.advance} is not among its edges`);
    }
    for (const req of row.guard) {
      if (!(req in REQUIREMENT_CHECKS)) problems.push(`${stage}: unknown requirement ${String(req)}`);
    }
  }
  // Reachability from the opening stage, so a typo cannot strand a stage at boot.
  const seen = new Set<string>([INITIAL_STAGE]);
  const queue: string[] = [INITIAL_STAGE];
  while (queue.length > 0) {
    const row = (table as Record<string, StageTransitions | undefined>)[queue.shift() as string];
    for (const target of row?.to ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const stage of known) {
    if (!seen.has(stage)) problems.push(`stage ${stage} is unreachable from ${INITIAL_STAGE}`);
  }
  return problems;
}

/** Called at boot: a broken graph must stop the process, not surface as a stuck case later. */
export function assertStageGraphSound(table: TransitionTable = CASE_TRANSITIONS): void {
  const problems = stageGraphProblems(table);
  if (problems.length > 0) throw new Error(`Case stage graph is unsound: ${problems.join('; ')}`);
}
