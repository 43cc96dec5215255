import { registerEnumType } from '@nestjs/graphql';
import { CaseStage, CloseReason, EscalationLevel, Ownership, PeriodKind, RewardOccasion, RewardRule } from '@app/domain';
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
registerEnumType(RewardOccasion, { name: 'RewardOccasion' });
registerEnumType(RewardRule, { name: 'RewardRule' });

export {
  ApplicationStatus,
  CaseStage,
  CloseReason,
  EscalationLevel,
  NominationStatus,
  OrgUnitKind,
  Ownership,
  PeriodKind,
  ReportStatus,
  RewardOccasion,
  RewardRule,
  Role,
};
