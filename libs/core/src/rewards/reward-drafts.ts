import {
  IsoDate,
  RewardConfig,
  RewardEvaluation,
  RewardRule,
  formatDateVi,
  isWithinFirstYear,
  scoreCdcsGrowth,
  scoreNewCdcsFirstYear,
  scoreOfficer,
} from '@app/domain';

/** An officer's results in the period, with the officer's targets of the period end's year. */
export interface OfficerResults {
  officerId: string;
  fullName: string;
  membersAdmitted: number;
  cdcsFounded: number;
  targetMembers: number | null;
  targetCdcs: number | null;
}

/** A CĐCS's membership around the period. */
export interface GrassrootsResults {
  unitId: string;
  name: string;
  membersAtStart: number;
  membersAdmitted: number;
  membersAtEnd: number;
  recognizedOn: IsoDate | null;
}

/** A qualifying result, ready to be written as a nomination. */
export interface NominationDraft {
  rule: RewardRule;
  officerId: string | null;
  grassrootsUnionId: string | null;
  nominee: string;
  score: number;
  basis: string;
  figures: Record<string, unknown>;
}

export interface DraftPeriod {
  start: IsoDate;
  end: IsoDate;
  targetYear: number;
  /** Set when the period has not ended: the figures are as of this day. */
  provisionalAsOf: IsoDate | null;
}

/** Runs the reward rules over the figures; only qualifying results become drafts. */
export function draftNominations(period: DraftPeriod, officers: OfficerResults[], unions: GrassrootsResults[], cfg: RewardConfig): NominationDraft[] {
  const drafts: NominationDraft[] = [];
  const common = { periodStart: period.start, periodEnd: period.end, provisional: period.provisionalAsOf !== null, asOf: period.provisionalAsOf };
  const add = (e: RewardEvaluation, ids: { officerId?: string; grassrootsUnionId?: string }, figures: Record<string, unknown>) => {
    if (!e.qualifies) return;
    // A provisional basis says so, so that nobody approves it unaware.
    const basis = period.provisionalAsOf ? `${e.basis} (tạm tính đến ngày ${formatDateVi(period.provisionalAsOf)})` : e.basis;
    drafts.push({
      rule: e.rule,
      officerId: ids.officerId ?? null,
      grassrootsUnionId: ids.grassrootsUnionId ?? null,
      nominee: e.nominee,
      score: e.score,
      basis,
      figures: { ...figures, ...common },
    });
  };

  for (const o of officers) {
    const counts = { membersAdmitted: o.membersAdmitted, cdcsFounded: o.cdcsFounded, targetMembers: o.targetMembers, targetCdcs: o.targetCdcs };
    add(scoreOfficer({ name: o.fullName, ...counts }, cfg), { officerId: o.officerId }, { ...counts, targetYear: period.targetYear });
  }
  for (const g of unions) {
    add(
      scoreCdcsGrowth({ name: g.name, membersAtStart: g.membersAtStart, admitted: g.membersAdmitted }, cfg),
      { grassrootsUnionId: g.unitId },
      { membersAtStart: g.membersAtStart, admitted: g.membersAdmitted },
    );
    // Only CĐCS founded through a case have a recognition day; older ones are not "new".
    if (g.recognizedOn && isWithinFirstYear(g.recognizedOn, period.end)) {
      add(
        scoreNewCdcsFirstYear({ name: g.name, recognizedOn: g.recognizedOn, members: g.membersAtEnd, periodEnd: period.end }, cfg),
        { grassrootsUnionId: g.unitId },
        { recognizedOn: g.recognizedOn, members: g.membersAtEnd },
      );
    }
  }
  return drafts;
}
