import { InitialSchema1795496897091 } from './1795496897091-initial-schema';
import { IndexesAndSeed1795496897092 } from './1795496897092-indexes-and-seed';
import { Rewards1795496897094 } from './1795496897094-rewards';
import { EscalationProgress1795496897095 } from './1795496897095-escalation-progress';
import { EscalationProgressTable1795496897100 } from './1795496897100-escalation-progress-table';
import { ApplicationDueCovering1795496897101 } from './1795496897101-application-due-covering';
import { MemberTallies1795496897110 } from './1795496897110-member-tallies';
import { FigureIndexes1795496897111 } from './1795496897111-figure-indexes';
import { PeriodClose1795496897120 } from './1795496897120-period-close';
import { FigureTallies1795496897130 } from './1795496897130-figure-tallies';
import { Accounts1795496897140 } from './1795496897140-accounts';
import { EnterpriseRegister1795496897150 } from './1795496897150-enterprise-register';
import { RegisterImports1795496897160 } from './1795496897160-register-imports';
import { RegisterImportRowFillfactor1795496897170 } from './1795496897170-register-import-row-fillfactor';
import { CalendarDayDocument1795496897200 } from './1795496897200-calendar-day-document';
import { GrassrootsRegister1795496897180 } from './1795496897180-grassroots-register';
import { StatisticsReturns1795496897230 } from './1795496897230-statistics-returns';
import { PartyRecommendationsUnionGroups1795496897310 } from './1795496897310-party-recommendations-union-groups';
import { Restructuring1795496897320 } from './1795496897320-restructuring';
import { PlanAreasBudget1795496897340 } from './1795496897340-plan-areas-budget';
import { ReviewMeetings1795496897350 } from './1795496897350-review-meetings';
import { OfficialDocuments1795496897360 } from './1795496897360-official-documents';
import { AuditLog1795496897375, AUDITED_TABLES as AUDITED_TABLES_375 } from './1795496897375-audit-log';
import { EnterpriseFundingType1795496897400, FUNDING_AUDITED_TABLES } from './1795496897400-enterprise-funding-type';
import { ReturnLeftDissolved1795496897410 } from './1795496897410-return-left-dissolved';
import { OrgUnitSpanKind1795496897420 } from './1795496897420-org-unit-span-kind';
import { AuditReadDetail1795496897550 } from './1795496897550-audit-read-detail';
import { EMPLOYER_AUDITED_TABLES, GrassrootsEmployer1795496897600 } from './1795496897600-grassroots-employer';
import { AuditFasterCapture1795496897650 } from './1795496897650-audit-faster-capture';
import { AuditScrubFastPath1795496897700 } from './1795496897700-audit-scrub-fast-path';
import { ActorChangeNotify1795496897750 } from './1795496897750-actor-change-notify';
import { RecognitionOneLive1795496897800 } from './1795496897800-recognition-one-live';
import { AdmissionDecisionMembers1795496897900 } from './1795496897900-admission-decision-members';
import { VietnameseNameOrder1795496897950 } from './1795496897950-vietnamese-name-order';
import { OpenCaseCriticalDay1795496898000 } from './1795496898000-open-case-critical-day';
import { OrgUnitEstablishedOn1795496898100 } from './1795496898100-org-unit-established-on';
import { RegisterImportOutcome1795496898150 } from './1795496898150-register-import-outcome';
import { DocumentPlanMeetingNumbers1795496897450 } from './1795496897450-document-plan-meeting-numbers';

export { ROOT_ORG_UNIT_ID } from './1795496897092-indexes-and-seed';
export { UNAUDITED_TABLES } from './1795496897375-audit-log';
export { VI_COLLATION } from './1795496897950-vietnamese-name-order';

/** Every audited table: migration 375's list and those later migrations attach (audit_attach). */
export const AUDITED_TABLES: [string, string?][] = [...AUDITED_TABLES_375, ...FUNDING_AUDITED_TABLES, ...EMPLOYER_AUDITED_TABLES];

// Listed explicitly (no glob) so the same list works compiled, under swc-jest and in the CLI.
export const MIGRATIONS = [
  InitialSchema1795496897091, IndexesAndSeed1795496897092, Rewards1795496897094, EscalationProgress1795496897095, EscalationProgressTable1795496897100, ApplicationDueCovering1795496897101,
  MemberTallies1795496897110, FigureIndexes1795496897111, PeriodClose1795496897120, FigureTallies1795496897130, Accounts1795496897140, EnterpriseRegister1795496897150,
  RegisterImports1795496897160, RegisterImportRowFillfactor1795496897170, GrassrootsRegister1795496897180, CalendarDayDocument1795496897200,
  StatisticsReturns1795496897230,
  PartyRecommendationsUnionGroups1795496897310,
  Restructuring1795496897320,
  PlanAreasBudget1795496897340,
  ReviewMeetings1795496897350,
  OfficialDocuments1795496897360,
  AuditLog1795496897375,
  EnterpriseFundingType1795496897400,
  ReturnLeftDissolved1795496897410,
  OrgUnitSpanKind1795496897420,
  DocumentPlanMeetingNumbers1795496897450,
  AuditReadDetail1795496897550,
  GrassrootsEmployer1795496897600,
  AuditFasterCapture1795496897650,
  AuditScrubFastPath1795496897700,
  ActorChangeNotify1795496897750,
  RecognitionOneLive1795496897800,
  AdmissionDecisionMembers1795496897900,
  VietnameseNameOrder1795496897950,
  OpenCaseCriticalDay1795496898000,
  OrgUnitEstablishedOn1795496898100,
  RegisterImportOutcome1795496898150,
];
