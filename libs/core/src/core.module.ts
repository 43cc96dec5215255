import { Module } from '@nestjs/common';
import { VietnameseOrderCheck } from './common/vietnamese-order';
import { JwtModule } from '@nestjs/jwt';
import { DatabaseModule } from '@app/persistence';
import { AuditLogService } from './audit/audit-log.service';
import { CalendarService, clockProvider } from './calendar/calendar.service';
import { DueDaysService } from './calendar/due-days.service';
import { CalendarEditsService } from './calendar/calendar-edits.service';
import { CaseChanges } from './cases/case-change.service';
import { CaseQueriesService } from './cases/case-queries.service';
import { CasesService } from './cases/cases.service';
import { EnterprisesService } from './enterprises/enterprises.service';
import { EnterpriseExportService } from './enterprises/enterprise-export.service';
import { FiguresService } from './figures/figures.service';
import { PeriodCloseService } from './figures/period-close.service';
import { PipelineService } from './figures/pipeline.service';
import { AccountsService } from './identity/accounts.service';
import { AuthService } from './identity/auth.service';
import { OrgStructureService } from './identity/org-structure.service';
import { RestructuringService } from './restructuring/restructuring.service';
import { OrgUnitsService } from './identity/org-units.service';
import { PasswordsService } from './identity/passwords.service';
import { UsersService } from './identity/users.service';
import { ApplicationsService } from './membership/applications.service';
import { TargetsService } from './planning/targets.service';
import { EscalationsService } from './escalations/escalations.service';
import { EscalatedCasesService } from './escalations/escalated-cases.service';
import { NotificationMailer } from './escalations/notification-mailer.service';
import { RewardScheduleService } from './rewards/reward-schedule.service';
import { RewardsService } from './rewards/rewards.service';
import { ReportBuilderService } from './reports/report-builder.service';
import { ReportsService } from './reports/reports.service';
import { DocumentBuilderService } from './documents/document-builder.service';
import { DocumentsService } from './documents/documents.service';
import { DocumentSettingsService } from './documents/document-settings.service';
import { RegisterImportApplyService } from './register-imports/register-import-apply.service';
import { RegisterImportsService } from './register-imports/register-imports.service';
import {
  AdmissionsService,
  GrassrootsAccountService,
  GrassrootsUnionsService,
  MembersExportService,
  MembersQueryService,
  MembershipChangesService,
  UpperLevelMembersService,
  UpperLevelMemberChangesService,
  StaffImportService,
  StaffService,
  PartyRecommendationsService,
  UnionGroupsService,
} from './grassroots';
import { MEETING_SNAPSHOT_SOURCE, ReviewMeetingsService } from './review-meetings';
import { PlanMeetingExtras } from './budget/meeting-extras';
import { BudgetLedgerService, BudgetService, OfficerAreasService, PlanService } from './budget';
import { ReturnPeriodsService, ReturnSettingsService, ReturnsBoardService, StatisticsReturnsService } from './statistics-returns';

const SERVICES = [
  DocumentsService,
  DocumentSettingsService,
  DocumentBuilderService,
  CalendarService,
  DueDaysService,
  CalendarEditsService,
  CaseQueriesService,
  CasesService,
  EnterprisesService,
  EnterpriseExportService,
  FiguresService,
  PeriodCloseService,
  PipelineService,
  AuthService,
  OrgUnitsService,
  UsersService,
  ApplicationsService,
  TargetsService,
  EscalationsService,
  EscalatedCasesService,
  NotificationMailer,
  RewardsService,
  RewardScheduleService,
  ReportsService,
  ReportBuilderService,
  AccountsService,
  PasswordsService,
  OrgStructureService,
  RestructuringService,
  RegisterImportsService,
  RegisterImportApplyService,
  MembersQueryService,
  MembersExportService,
  GrassrootsUnionsService,
  StaffService,
  AdmissionsService,
  MembershipChangesService,
  UpperLevelMembersService,
  UpperLevelMemberChangesService,
  GrassrootsAccountService,
  StaffImportService,
  ReturnPeriodsService,
  AuditLogService,
  StatisticsReturnsService,
  ReturnsBoardService,
  PartyRecommendationsService,
  UnionGroupsService,
  ReviewMeetingsService,
  PlanService,
  OfficerAreasService,
  BudgetService,
  BudgetLedgerService,
  ReturnSettingsService,
  VietnameseOrderCheck,
];

/** The services that own the write paths, shared by the API and the worker. */
/** A review meeting's snapshot reads the budget and the officers' areas of the plan module. */
const meetingSnapshotSource = { provide: MEETING_SNAPSHOT_SOURCE, useClass: PlanMeetingExtras };

@Module({
  imports: [DatabaseModule, JwtModule.register({})],
  providers: [clockProvider, CaseChanges, meetingSnapshotSource, ...SERVICES],
  exports: [clockProvider, meetingSnapshotSource, ...SERVICES, DatabaseModule],
})
export class CoreModule {}
