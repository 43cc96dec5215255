import { CaseStage, CoverageProgress, IsoDate, YearTargetProgress } from '@app/domain';

export interface StageCount {
  stage: CaseStage;
  count: number;
  overdue: number;
}

export interface Figures {
  /** The period's result (`actual`), the result from 1 January to its end, and the year's target. */
  newMembers: YearTargetProgress;
  newGrassrootsUnions: YearTargetProgress;
  coverage: CoverageProgress;
  stages: StageCount[];
}

export interface OfficerFigures {
  officerId: string;
  fullName: string;
  cases: number;
  openCases: number;
  overdueCases: number;
  recognitions: number;
  membersAdmitted: number;
  targetMembers: number | null;
  targetGrassrootsUnions: number | null;
}
export interface OfficerCaseCount {
  assigneeId: string;
  cases: number;
  openCases: number;
  overdueCases: number;
}
export interface GrassrootsFigures {
  unitId: string;
  name: string;
  membersAdmitted: number;
  membersAtEnd: number;
  recognizedOn: string | null;
}
export interface OverdueCase {
  caseId: string;
  enterpriseName: string;
  taxCode: string;
  stage: CaseStage;
  stageDueOn: string;
  assigneeName: string | null;
  daysLate: number | null;
}

export interface ScopeUnit {
  id: string;
  path: string;
}
export interface FigurePeriod {
  start: IsoDate;
  end: IsoDate;
}
