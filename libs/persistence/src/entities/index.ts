import { CalendarDayEntity, TargetEntity } from './planning.entity';
import { CaseEvidenceEntity, CaseTransitionEntity, FoundingCaseEntity } from './founding-case.entity';
import { EnterpriseEntity, EnterpriseFundingTypeEntity, EnterpriseTallyEntity, EnterpriseWorkerCountEntity } from './enterprise.entity';
import { EscalationEntity, EscalationProgressEntity, JobRunEntity, NotificationEntity } from './escalation.entity';
import {
  CaseMemberMonthEntity,
  CaseMemberYearEntity,
  MemberEntity,
  MemberMonthEntity,
  MemberTotalEntity,
  MemberYearEntity,
  MembershipApplicationEntity,
} from './membership.entity';
import { AdmissionDecisionEntity, GrassrootsStaffEntity } from './grassroots.entity';
import { OrgUnitEntity, OrgUnitMoveEntity } from './org-unit.entity';
import { OutboxEntity } from './outbox.entity';
import { CaseCloseStateEntity, CaseCloseTallyEntity, PeriodCloseEntity } from './period-close.entity';
import { RegisterImportEntity, RegisterImportRowEntity } from './register-import.entity';
import { ReportEntity } from './report.entity';
import { RewardNominationEntity } from './reward.entity';
import { RewardNominationEventEntity } from './reward-nomination-event.entity';
import { UserEntity } from './user.entity';
import { LoginFailureEntity } from './login-failure.entity';

export * from './planning.entity';
export * from './founding-case.entity';
export * from './enterprise.entity';
export * from './escalation.entity';
export * from './membership.entity';
export * from './grassroots.entity';
export * from './org-unit.entity';
export * from './outbox.entity';
export * from './period-close.entity';
export * from './register-import.entity';
export * from './report.entity';
export * from './reward.entity';
export * from './reward-nomination-event.entity';
export * from './user.entity';
export * from './login-failure.entity';

export const ENTITIES = [
  OrgUnitEntity,
  OrgUnitMoveEntity,
  UserEntity,
  EnterpriseEntity,
  FoundingCaseEntity,
  CaseEvidenceEntity,
  CaseTransitionEntity,
  MembershipApplicationEntity,
  MemberEntity,
  GrassrootsStaffEntity,
  AdmissionDecisionEntity,
  MemberMonthEntity,
  MemberYearEntity,
  MemberTotalEntity,
  CaseMemberMonthEntity,
  CaseMemberYearEntity,
  TargetEntity,
  CalendarDayEntity,
  EscalationEntity,
  EscalationProgressEntity,
  NotificationEntity,
  OutboxEntity,
  ReportEntity,
  RewardNominationEntity,
  RewardNominationEventEntity,
  LoginFailureEntity,
  JobRunEntity,
  PeriodCloseEntity,
  CaseCloseStateEntity,
  CaseCloseTallyEntity,
  EnterpriseTallyEntity,
  EnterpriseWorkerCountEntity,
  EnterpriseFundingTypeEntity,
  RegisterImportEntity,
  RegisterImportRowEntity,
];
