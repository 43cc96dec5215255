import { CaseStage, OpenStage, OPEN_STAGES } from './case-stage';
import { IsoDate, compareIsoDates, isIsoDate } from './calendar-days';
import { WorkingCalendar } from './working-calendar';

export enum EscalationLevel {
  WARNING = 'WARNING',
  BREACH = 'BREACH',
  CRITICAL = 'CRITICAL',
}

/** Levels in the order they fire. */
export const ESCALATION_LEVELS: readonly EscalationLevel[] = Object.freeze([EscalationLevel.WARNING, EscalationLevel.BREACH, EscalationLevel.CRITICAL]);

export interface SlaConfig {
  /** Limit of each open stage, in working days. */
  stageDays: Record<OpenStage, number>;
  /** Fractions of the limit at which each level is reached (0.8, 1, 1.5). */
  thresholds: Record<EscalationLevel, number>;
}

export const DEFAULT_SLA: SlaConfig = Object.freeze({
  stageDays: Object.freeze({
    [CaseStage.SURVEY]: 10,
    [CaseStage.OUTREACH]: 20,
    [CaseStage.GUIDANCE]: 30,
    [CaseStage.FOUNDING_CEREMONY]: 20,
    // Counted from the completed dossier (see stageDeadlines).
    [CaseStage.RECOGNITION_DECISION]: 10,
  }),
  thresholds: Object.freeze({
    [EscalationLevel.WARNING]: 0.8,
    [EscalationLevel.BREACH]: 1,
    [EscalationLevel.CRITICAL]: 1.5,
  }),
});

export interface StageDeadlines {
  startOn: IsoDate;
  /** = breachOn: the last day still within the limit. */
  dueOn: IsoDate;
  warningOn: IsoDate;
  breachOn: IsoDate;
  criticalOn: IsoDate;
}

/** Throws RangeError naming the first bad figure; for config loaded from the environment or an admin screen. */
export function assertSlaConfig(cfg: SlaConfig): void {
  for (const stage of OPEN_STAGES) {
    const days = cfg.stageDays[stage];
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`SLA days for ${stage} must be a whole number >= 0`);
  }
  let previous = 0;
  for (const level of ESCALATION_LEVELS) {
    const t = cfg.thresholds[level];
    if (!Number.isFinite(t) || t < previous) {
      throw new RangeError(`SLA threshold for ${level} must be a number >= the previous level's`);
    }
    previous = t;
  }
}

/** Working days after the start at which a level is reached. */
export function levelWorkingDays(days: number, threshold: number): number {
  // Round away binary noise first: 0.7 * 10 is 7.000000000000001 and must not ceil to 8.
  return Math.ceil(Math.round(days * threshold * 1e9) / 1e9);
}

export function stageDeadlines(
  cal: WorkingCalendar,
  stage: OpenStage,
  enteredOn: IsoDate,
  cfg: SlaConfig = DEFAULT_SLA,
  dossierCompletedOn?: IsoDate | null,
): StageDeadlines {
  assertSlaConfig(cfg);
  // The recognition decision is due a number of working days after the completed dossier,
  // which usually predates entering the stage.
  const startOn = stage === CaseStage.RECOGNITION_DECISION && dossierCompletedOn != null && dossierCompletedOn !== '' ? dossierCompletedOn : enteredOn;
  if (!isIsoDate(startOn)) throw new RangeError(`Not a YYYY-MM-DD date: ${startOn}`);
  const days = cfg.stageDays[stage];
  const on = (level: EscalationLevel): IsoDate => cal.addWorkingDays(startOn, levelWorkingDays(days, cfg.thresholds[level]));
  const breachOn = on(EscalationLevel.BREACH);
  return {
    startOn,
    dueOn: breachOn,
    warningOn: on(EscalationLevel.WARNING),
    breachOn,
    criticalOn: on(EscalationLevel.CRITICAL),
  };
}

function levelDay(d: StageDeadlines, level: EscalationLevel): IsoDate {
  switch (level) {
    case EscalationLevel.WARNING:
      return d.warningOn;
    case EscalationLevel.BREACH:
      return d.breachOn;
    case EscalationLevel.CRITICAL:
      return d.criticalOn;
  }
}

/**
 * Every level whose day has passed (today strictly after it), in firing order. The sweep
 * raises those not yet raised, so a case first seen at 150% raises all three.
 */
export function levelsDue(d: StageDeadlines, today: IsoDate): EscalationLevel[] {
  return ESCALATION_LEVELS.filter((level) => compareIsoDates(today, levelDay(d, level)) > 0);
}

/** The highest level due, or null. */
export function currentLevel(d: StageDeadlines, today: IsoDate): EscalationLevel | null {
  const due = levelsDue(d, today);
  return due.length === 0 ? null : due[due.length - 1];
}

/** Overdue once the due day itself has passed; no due day (terminal stage) is never overdue. */
export function isOverdue(dueOn: IsoDate | null, today: IsoDate): boolean {
  if (dueOn === null) return false;
  return compareIsoDates(today, dueOn) > 0;
}

export type EscalationRecipients = 'ASSIGNEE' | 'UNIT_SUPERVISORS' | 'UNIT_AND_PARENT_SUPERVISORS';

export function escalationRecipients(level: EscalationLevel): EscalationRecipients {
  switch (level) {
    case EscalationLevel.WARNING:
      return 'ASSIGNEE';
    case EscalationLevel.BREACH:
      return 'UNIT_SUPERVISORS';
    case EscalationLevel.CRITICAL:
      return 'UNIT_AND_PARENT_SUPERVISORS';
  }
  // Reached only with a value from outside the enum (e.g. a bad DB row).
  throw new RangeError(`Unknown escalation level: ${String(level)}`);
}
