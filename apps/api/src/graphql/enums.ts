import { registerEnumType } from '@nestjs/graphql';
import { CaseStage, CloseReason, EscalationLevel, FundingType, Ownership, PeriodKind, RewardOccasion, RewardRule } from '@app/domain';
import { ApplicationStatus, NominationStatus, OrgUnitKind, ReportStatus, Role } from '@app/core';

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrgUnitKind, { name: 'OrgUnitKind' });
registerEnumType(CaseStage, { name: 'CaseStage' });
registerEnumType(CloseReason, { name: 'CloseReason' });
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });
registerEnumType(EscalationLevel, { name: 'EscalationLevel' });
registerEnumType(PeriodKind, { name: 'PeriodKind' });
registerEnumType(ReportStatus, { name: 'ReportStatus' });
registerEnumType(NominationStatus, { name: 'NominationStatus' });
registerEnumType(Ownership, { name: 'Ownership' });
registerEnumType(FundingType, {
  name: 'FundingType',
  description: 'How an employer is financed (public service units by Nghị định 60/2021/NĐ-CP); STATE_BUDGET_FULL: its staff may not be admitted',
});
registerEnumType(RewardOccasion, { name: 'RewardOccasion' });
registerEnumType(RewardRule, { name: 'RewardRule' });

export {
  ApplicationStatus,
  CaseStage,
  CloseReason,
  EscalationLevel,
  FundingType,
  NominationStatus,
  OrgUnitKind,
  Ownership,
  PeriodKind,
  ReportStatus,
  RewardOccasion,
  RewardRule,
  Role,
};
