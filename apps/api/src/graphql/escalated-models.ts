import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LateStatus } from '@app/domain';
import { DateDay } from './date.scalar';
import { CaseStage, EscalationLevel } from './enums';
import { Connection, FoundingCaseModel, MembershipApplicationModel, OrgUnitModel, UserModel } from './models';

// The escalations grouped per case or application (docs/architecture.md#escalations-per-case).

registerEnumType(LateStatus, { name: 'LateStatus', description: 'How late a case is today, from its days (not from the stored level)' });

@ObjectType('Lateness')
export class LatenessModel {
  @Field(() => LateStatus) status: LateStatus;
  @Field({ description: 'Vietnamese label: "Sắp quá hạn" only before the due day has passed' }) label: string;
  @Field(() => Int, { description: 'Working days after the due day up to today (Vietnam time, the working-day calendar)' }) workingDays: number;
  @Field(() => Int, { description: 'Calendar days after the due day up to today' }) calendarDays: number;
}

@ObjectType('EscalationAcknowledgement')
export class EscalationAcknowledgementModel {
  @Field(() => UserModel) by?: UserModel;
  userId: string;
  @Field(() => Date) at: Date;
}

@ObjectType('EscalationStep', { description: 'One level raised for a case or application' })
export class EscalationStepModel {
  @Field(() => ID) id: string;
  @Field(() => EscalationLevel) level: EscalationLevel;
  @Field(() => CaseStage, { nullable: true, description: 'The stage it was raised in; null for an application' }) caseStage?: CaseStage | null;
  stage: string;
  @Field(() => Int, { description: 'Which entry into the stage (a case that left and re-entered a stage starts again)' }) stageEntry: number;
  @Field(() => Date) raisedAt: Date;
  @Field(() => Date, { nullable: true, description: "The caller's acknowledgment" }) acknowledgedAt: Date | null;
  @Field(() => [EscalationAcknowledgementModel], { description: 'Everyone who acknowledged it, first first' })
  acknowledgements: EscalationAcknowledgementModel[];
}

@ObjectType('EscalatedCase', { description: 'A founding case with escalations: one row of the escalations page' })
export class EscalatedCaseModel {
  @Field(() => FoundingCaseModel, { name: 'case' }) foundingCase?: FoundingCaseModel;
  id: string;
  @Field(() => EscalationLevel, { description: "The current level: the caller's highest unacknowledged one of the latest stage entry" })
  level: EscalationLevel;
  @Field(() => CaseStage, { description: 'The stage the current level was raised in' }) stage: CaseStage;
  @Field(() => DateDay, { nullable: true, description: 'Its due day; null once the case left that stage' }) dueOn: string | null;
  @Field(() => LatenessModel) lateness: LatenessModel;
  @Field(() => UserModel, { nullable: true }) assignee?: UserModel | null;
  assigneeId: string | null;
  @Field({ description: 'Nothing left for the caller to acknowledge' }) acknowledged: boolean;
  @Field(() => [EscalationStepModel], { description: 'Every level raised, latest stage entry and highest level first' }) escalations: EscalationStepModel[];
}

@ObjectType('EscalatedApplication', { description: 'A direct application to an upper-level union not decided by its due day' })
export class EscalatedApplicationModel {
  @Field(() => MembershipApplicationModel) application?: MembershipApplicationModel;
  id: string;
  @Field(() => OrgUnitModel, { description: 'The upper-level union that has to decide' }) decidingUnit?: OrgUnitModel;
  orgUnitId: string;
  @Field(() => EscalationLevel) level: EscalationLevel;
  @Field(() => DateDay, { nullable: true }) dueOn: string | null;
  @Field(() => LatenessModel) lateness: LatenessModel;
  @Field() acknowledged: boolean;
  @Field(() => [EscalationStepModel]) escalations: EscalationStepModel[];
}

@ObjectType('EscalatedCaseConnection')
export class EscalatedCaseConnectionModel extends Connection(EscalatedCaseModel) {
  @Field(() => Int, { description: "Open cases in the caller's case scope past their due day: the board's overdue count" }) overdueCount: number;
}

@ObjectType('EscalatedApplicationConnection')
export class EscalatedApplicationConnectionModel extends Connection(EscalatedApplicationModel) {}

@InputType()
export class AcknowledgeCaseEscalationsInput {
  @Field(() => [ID], { nullable: true, description: 'Cases whose escalations to acknowledge' }) caseIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Direct applications whose escalations to acknowledge' }) applicationIds?: string[] | null;
}

@ObjectType('AcknowledgeCaseEscalationsPayload')
export class AcknowledgeCaseEscalationsPayloadModel {
  @Field(() => Int, { description: 'Escalations newly acknowledged by the caller' }) acknowledged: number;
  @Field(() => [EscalatedCaseModel]) cases: EscalatedCaseModel[];
  @Field(() => [EscalatedApplicationModel]) applications: EscalatedApplicationModel[];
}
