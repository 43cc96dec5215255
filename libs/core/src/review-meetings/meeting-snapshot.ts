import { EntityManager } from 'typeorm';
import { CaseStage, CoverageProgress, IsoDate, OPEN_STAGES, OfficerFiguresForChange, SnapshotFiguresForChange, YearTargetProgress } from '@app/domain';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { SqlParams } from '../common/sql-params';
import { caseFigureSource } from '../figures/case-figure-source';
import { inScope } from '../figures/figure-conditions.sql';
import { FiguresService, OfficerFigures, OverdueCase, ScopeUnit, StageCount } from '../figures/figures.service';
import { MeetingSnapshotSource } from './meeting-snapshot-source';

/** How many of the overdue cases a snapshot lists (the count covers them all). */
export const SNAPSHOT_OVERDUE_LIST = 20;

export interface SnapshotOfficer extends OfficerFigures {
  /** Its open cases by stage, with those past their due day. */
  stages: StageCount[];
  coverage: CoverageProgress | null;
  budgetSpent: string | null;
}

/**
 * The figures of a unit's subtree as of a meeting's day, frozen in review_meeting.snapshot (jsonb) when it is held and
 * never computed again (docs/architecture.md#review-meetings): later transitions, unit moves or calendar edits leave it as
 * it was. `version` names this shape so that a later shape can still read the old ones.
 */
export interface MeetingSnapshot {
  version: 1;
  asOf: IsoDate;
  year: number;
  takenAt: string;
  unit: { id: string; name: string };
  newMembers: YearTargetProgress;
  newGrassrootsUnions: YearTargetProgress;
  coverage: CoverageProgress;
  stages: StageCount[];
  openCases: number;
  overdueCases: number;
  overdueCaseList: OverdueCase[];
  /** Whole đồng (decimal digits), null without a budget module or rows. */
  budgetSpent: string | null;
  officers: SnapshotOfficer[];
}

/** Reads every figure of the snapshot through `m` (the holding transaction, REPEATABLE READ: one view of the database). */
export async function takeSnapshot(
  m: EntityManager,
  figures: FiguresService,
  extras: MeetingSnapshotSource,
  unit: ScopeUnit & { name: string },
  asOf: IsoDate,
  today: IsoDate,
  takenAt: Date,
): Promise<MeetingSnapshot> {
  const year = Number(asOf.slice(0, 4));
  const period = { start: `${year}-01-01`, end: asOf };
  const summary = await figures.figures(unit, period, today, m);
  const officers = await figures.byOfficer(m, unit, period, today);
  const overdueCaseList = await figures.overdueCasesOf(m, unit, period, today, SNAPSHOT_OVERDUE_LIST);
  const byOfficerStage = await officerStages(m, unit, period, today);
  const budget = await extras.budgetSpent(m, unit, year, asOf);
  const coverage = (await extras.officerCoverage(m, unit, asOf)) ?? {};
  const open = new Set<string>(OPEN_STAGES);
  const openStages = summary.stages.filter((s) => open.has(s.stage));
  return {
    version: 1,
    asOf,
    year,
    takenAt: takenAt.toISOString(),
    unit: { id: unit.id, name: unit.name },
    newMembers: summary.newMembers,
    newGrassrootsUnions: summary.newGrassrootsUnions,
    coverage: summary.coverage,
    stages: summary.stages,
    openCases: openStages.reduce((n, s) => n + s.count, 0),
    overdueCases: openStages.reduce((n, s) => n + s.overdue, 0),
    overdueCaseList,
    budgetSpent: budget?.total ?? null,
    officers: officers.map((o) => ({
      ...o,
      stages: OPEN_STAGES.map((stage) => byOfficerStage.get(`${o.officerId}:${stage}`) ?? { stage, count: 0, overdue: 0 }),
      coverage: coverage[o.officerId] ?? null,
      budgetSpent: budget?.byOfficer?.[o.officerId] ?? null,
    })),
  };
}

/** Open cases per assignee and stage as the figures count them (as of the day once it is over, else now). */
async function officerStages(m: EntityManager, unit: ScopeUnit, period: { start: IsoDate; end: IsoDate }, today: IsoDate): Promise<Map<string, StageCount>> {
  const source = await caseFigureSource(m, period, today);
  const p = new SqlParams();
  const rows: { assignee_id: string; stage: CaseStage; count: number; overdue: number }[] = await m.query(
    `SELECT c.assignee_id, c.stage, sum(c.cases)::int AS count, coalesce(sum(c.cases) FILTER (WHERE c.late), 0)::int AS overdue
       FROM (${source.counted(p, inScope(p, unit), false)}) c
      WHERE c.assignee_id IS NOT NULL AND c.stage IN ${OPEN_STAGES_SQL} GROUP BY c.assignee_id, c.stage`,
    p.values,
  );
  return new Map(rows.map((r) => [`${r.assignee_id}:${r.stage}`, { stage: r.stage, count: r.count, overdue: r.overdue }]));
}

/** The snapshot's figures as the change since the previous meeting compares them. */
export function figuresForChange(s: MeetingSnapshot): { unit: SnapshotFiguresForChange; officers: OfficerFiguresForChange[] } {
  return {
    unit: {
      newMembersYearToDate: s.newMembers.yearToDate,
      newGrassrootsUnionsYearToDate: s.newGrassrootsUnions.yearToDate,
      coveragePercent: s.coverage.percent,
      withUnion: s.coverage.withUnion,
      openCases: s.openCases,
      overdueCases: s.overdueCases,
      budgetSpent: s.budgetSpent,
    },
    officers: s.officers.map((o) => ({
      officerId: o.officerId,
      fullName: o.fullName,
      membersAdmitted: o.membersAdmitted,
      recognitions: o.recognitions,
      openCases: o.openCases,
      overdueCases: o.overdueCases,
      budgetSpent: o.budgetSpent,
    })),
  };
}
