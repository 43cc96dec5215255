/**
 * Reward (khen thưởng) rules. Each rule is a pure function from figures to an outcome with a
 * score and a Vietnamese "basis" quoting the figures, so a supervisor can approve a
 * nomination without re-running the numbers. Thresholds and weights are config.
 */
import { round2 } from './report-math';
import { IsoDate, addMonths, compareIsoDates, isoDateOf, isoDateParts } from './calendar-days';

export enum RewardRule {
  /** An officer's results against the officer's targets. */
  OFFICER_RESULTS = 'OFFICER_RESULTS',
  /** A CĐCS growing its membership. */
  CDCS_MEMBER_GROWTH = 'CDCS_MEMBER_GROWTH',
  /** A CĐCS founded within the last 12 months that has already built up its membership. */
  NEW_CDCS_FIRST_YEAR = 'NEW_CDCS_FIRST_YEAR',
}

export enum RewardOccasion {
  YEAR_END = 'YEAR_END',
  /** Tháng Công nhân, May. */
  WORKERS_MONTH = 'WORKERS_MONTH',
  /** Founding anniversary of the Vietnam trade union, 28 July. */
  ANNIVERSARY = 'ANNIVERSARY',
}

export interface RewardConfig {
  /** Share of each target an officer must reach; 1.0 = 100%. */
  officerMinRatio: number;
  /** Weight of members admitted in the officer score. */
  memberWeight: number;
  /** Weight of CĐCS founded in the officer score. */
  cdcsWeight: number;
  /** Minimum membership growth (%) for a CĐCS. */
  cdcsMinGrowthPercent: number;
  /** Minimum members admitted: for a CĐCS's growth, and for an officer without targets. */
  cdcsMinAdmitted: number;
  /** Minimum members of a CĐCS in its first year. */
  newCdcsMinMembers: number;
}

export const DEFAULT_REWARD_CONFIG: RewardConfig = Object.freeze({
  officerMinRatio: 1.0,
  memberWeight: 0.6,
  cdcsWeight: 0.4,
  cdcsMinGrowthPercent: 10,
  cdcsMinAdmitted: 5,
  newCdcsMinMembers: 20,
});

export interface RewardOutcome {
  qualifies: boolean;
  /** rounded to 2 decimals */
  score: number;
  /** Vietnamese, human-readable, with the figures */
  basis: string;
}

/** What the rules return: the outcome plus which rule and whom it is about. */
export interface RewardEvaluation extends RewardOutcome {
  rule: RewardRule;
  nominee: string;
}

/** Ratios are capped so one over-achieved target cannot hide a missed one. */
export const OFFICER_RATIO_CAP = 2;
/** In the no-target officer score, one CĐCS founded counts as this many members. */
export const NO_TARGET_CDCS_POINTS = 10;
/** Float comparisons of ratios (e.g. 7/10 >= 0.7) must not fail on binary noise. */
const EPSILON = 1e-9;

/** Throws RangeError naming the first bad setting; for config loaded from the environment or an admin screen. */
export function assertRewardConfig(cfg: RewardConfig): void {
  for (const key of Object.keys(DEFAULT_REWARD_CONFIG) as (keyof RewardConfig)[]) {
    const v = cfg[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`${key} must be a number >= 0`);
  }
}

function assertCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${n}`);
}

function assertTarget(name: string, n: number | null): void {
  if (n !== null && (!Number.isFinite(n) || n < 0)) throw new RangeError(`${name} must be null or >= 0, got ${n}`);
}

/** Vietnamese number style: decimal comma, at most 2 decimals (120, 33,33). */
export function formatNumberVi(x: number): string {
  return String(round2(x)).replace('.', ',');
}

/** dd/mm/yyyy, as dates are written in Vietnamese documents. */
export function formatDateVi(d: IsoDate): string {
  const [y, m, day] = isoDateParts(d);
  return `${String(day).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

interface Component {
  weight: number;
  ratio: number;
}

/**
 * score = weighted mean of the capped ratios, as a percentage (100 = exactly on target).
 * A missing or zero target drops its component and the remaining weights are renormalised.
 * With no target at all, an officer qualifies only by founding ≥ 1 CĐCS and admitting
 * ≥ cdcsMinAdmitted members, scored members + 10 × CĐCS.
 * Qualifies when every present target is reached at officerMinRatio.
 */
export function scoreOfficer(
  x: { name: string; membersAdmitted: number; cdcsFounded: number; targetMembers: number | null; targetCdcs: number | null },
  cfg: RewardConfig = DEFAULT_REWARD_CONFIG,
): RewardEvaluation {
  assertRewardConfig(cfg);
  assertCount('membersAdmitted', x.membersAdmitted);
  assertCount('cdcsFounded', x.cdcsFounded);
  assertTarget('targetMembers', x.targetMembers);
  assertTarget('targetCdcs', x.targetCdcs);
  const hasMemberTarget = x.targetMembers !== null && x.targetMembers > 0;
  const hasCdcsTarget = x.targetCdcs !== null && x.targetCdcs > 0;
  const base = { rule: RewardRule.OFFICER_RESULTS, nominee: x.name };

  if (!hasMemberTarget && !hasCdcsTarget) {
    const qualifies = x.cdcsFounded >= 1 && x.membersAdmitted >= cfg.cdcsMinAdmitted;
    return {
      ...base,
      qualifies,
      score: round2(x.membersAdmitted + NO_TARGET_CDCS_POINTS * x.cdcsFounded),
      basis:
        `Không giao chỉ tiêu; kết nạp ${x.membersAdmitted} đoàn viên, thành lập ${x.cdcsFounded} CĐCS ` +
        `(yêu cầu: thành lập ít nhất 1 CĐCS và kết nạp ít nhất ${cfg.cdcsMinAdmitted} đoàn viên)`,
    };
  }

  const components: Component[] = [];
  const parts: string[] = [];
  if (hasMemberTarget) {
    const ratio = x.membersAdmitted / (x.targetMembers as number);
    components.push({ weight: cfg.memberWeight, ratio });
    parts.push(`Kết nạp ${x.membersAdmitted}/${x.targetMembers} đoàn viên (${formatNumberVi(ratio * 100)}%)`);
  } else {
    parts.push(`Kết nạp ${x.membersAdmitted} đoàn viên (không giao chỉ tiêu)`);
  }
  if (hasCdcsTarget) {
    const ratio = x.cdcsFounded / (x.targetCdcs as number);
    components.push({ weight: cfg.cdcsWeight, ratio });
    parts.push(`thành lập ${x.cdcsFounded}/${x.targetCdcs} CĐCS (${formatNumberVi(ratio * 100)}%)`);
  } else {
    parts.push(`thành lập ${x.cdcsFounded} CĐCS (không giao chỉ tiêu)`);
  }

  const configured = components.reduce((s, c) => s + c.weight, 0);
  // All present weights configured to 0: fall back to a plain mean rather than divide by zero.
  const weightOf = (c: Component): number => (configured > 0 ? c.weight : 1);
  const total = configured > 0 ? configured : components.length;
  const score = components.reduce((s, c) => s + weightOf(c) * Math.min(c.ratio, OFFICER_RATIO_CAP), 0) / total;
  const qualifies = components.every((c) => c.ratio + EPSILON >= cfg.officerMinRatio);
  return { ...base, qualifies, score: round2(score * 100), basis: parts.join(', ') };
}

/**
 * growth % = admitted / membersAtStart × 100; a CĐCS that started the period with no members
 * is measured against its own admissions (100% when it admitted anyone), since growth from 0
 * is undefined. Qualifies with ≥ cdcsMinAdmitted admitted and growth ≥ cdcsMinGrowthPercent.
 */
export function scoreCdcsGrowth(x: { name: string; membersAtStart: number; admitted: number }, cfg: RewardConfig = DEFAULT_REWARD_CONFIG): RewardEvaluation {
  assertRewardConfig(cfg);
  assertCount('membersAtStart', x.membersAtStart);
  assertCount('admitted', x.admitted);
  const denominator = x.membersAtStart > 0 ? x.membersAtStart : x.admitted;
  const growth = denominator > 0 ? (x.admitted / denominator) * 100 : 0;
  const qualifies = x.admitted >= cfg.cdcsMinAdmitted && growth + EPSILON >= cfg.cdcsMinGrowthPercent;
  const note = x.membersAtStart > 0 ? '' : ', tính trên số kết nạp do đầu kỳ chưa có đoàn viên';
  return {
    rule: RewardRule.CDCS_MEMBER_GROWTH,
    nominee: x.name,
    qualifies,
    score: round2(growth),
    basis:
      `Đầu kỳ ${x.membersAtStart} đoàn viên, kết nạp ${x.admitted} đoàn viên ` +
      `(tăng ${formatNumberVi(growth)}%${note}; yêu cầu: kết nạp ít nhất ${cfg.cdcsMinAdmitted}, ` +
      `tăng ít nhất ${formatNumberVi(cfg.cdcsMinGrowthPercent)}%)`,
  };
}

/** The first-year window: recognised after periodEnd − 12 months, up to and including periodEnd. */
export function isWithinFirstYear(recognizedOn: IsoDate, periodEnd: IsoDate): boolean {
  return compareIsoDates(recognizedOn, addMonths(periodEnd, -12)) > 0 && compareIsoDates(recognizedOn, periodEnd) <= 0;
}

/**
 * Only a CĐCS recognised within the 12 months before periodEnd is considered (others score 0);
 * it qualifies with ≥ newCdcsMinMembers members; score = members.
 */
export function scoreNewCdcsFirstYear(
  x: { name: string; recognizedOn: IsoDate; members: number; periodEnd: IsoDate },
  cfg: RewardConfig = DEFAULT_REWARD_CONFIG,
): RewardEvaluation {
  assertRewardConfig(cfg);
  assertCount('members', x.members);
  const base = { rule: RewardRule.NEW_CDCS_FIRST_YEAR, nominee: x.name };
  const recognized = `Công nhận ngày ${formatDateVi(x.recognizedOn)}`;
  if (!isWithinFirstYear(x.recognizedOn, x.periodEnd)) {
    return {
      ...base,
      qualifies: false,
      score: 0,
      basis: `${recognized}, ngoài 12 tháng tính đến ngày ${formatDateVi(x.periodEnd)}`,
    };
  }
  return {
    ...base,
    qualifies: x.members >= cfg.newCdcsMinMembers,
    score: round2(x.members),
    basis: `${recognized}, có ${x.members} đoàn viên (yêu cầu: ít nhất ${cfg.newCdcsMinMembers} đoàn viên)`,
  };
}

function assertYear(year: number): void {
  // ANNIVERSARY reaches back into year - 1, so year 0 has no period.
  if (!Number.isInteger(year) || year < 1 || year > 9998) throw new RangeError(`Not a supported year: ${year}`);
}

/** The days an occasion's evaluation covers (inclusive). */
export function occasionPeriod(occasion: RewardOccasion, year: number): { start: IsoDate; end: IsoDate } {
  assertYear(year);
  switch (occasion) {
    case RewardOccasion.YEAR_END:
      return { start: isoDateOf(year, 1, 1), end: isoDateOf(year, 12, 31) };
    case RewardOccasion.WORKERS_MONTH:
      return { start: isoDateOf(year, 5, 1), end: isoDateOf(year, 5, 31) };
    case RewardOccasion.ANNIVERSARY:
      // Since the last anniversary season up to the eve of the evaluation on 20 July,
      // leaving time to approve before the ceremony on 28 July.
      return { start: isoDateOf(year - 1, 8, 1), end: isoDateOf(year, 7, 19) };
  }
  throw new RangeError(`Unknown reward occasion: ${String(occasion)}`);
}

/** The day the scheduled evaluation for an occasion runs. */
export function occasionDueOn(occasion: RewardOccasion, year: number): IsoDate {
  assertYear(year);
  switch (occasion) {
    case RewardOccasion.YEAR_END:
      return isoDateOf(year + 1, 1, 1);
    case RewardOccasion.WORKERS_MONTH:
      return isoDateOf(year, 6, 1);
    case RewardOccasion.ANNIVERSARY:
      return isoDateOf(year, 7, 20);
  }
  throw new RangeError(`Unknown reward occasion: ${String(occasion)}`);
}
