import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { OrgUnitKind } from './enums';
import { DateDay } from './date.scalar';

/** What becomes of the accounts of a dissolved unit. */
export enum OfficersOnDissolve {
  MOVE = 'MOVE',
  DEACTIVATE = 'DEACTIVATE',
}
/** What becomes of this year's target of a dissolved unit. */
export enum TargetsOnDissolve {
  MOVE = 'MOVE',
  CLOSE = 'CLOSE',
}
registerEnumType(OfficersOnDissolve, { name: 'OfficersOnDissolve', description: 'MOVE to the receiving unit, or DEACTIVATE (an ADMIN account always moves)' });
registerEnumType(TargetsOnDissolve, { name: 'TargetsOnDissolve', description: "MOVE: added to the receiver's year target; CLOSE: closed" });

const EFFECTIVE =
  'The first day the change holds (Asia/Ho_Chi_Minh): today or earlier applies at once (at most 31 days back, never into a closed month), a later day is applied by the worker at the start of that day';
const DECISION = 'The decision it follows, e.g. "Quyết định số 125/QĐ-LĐLĐ ngày 28/02/2025"';

@InputType()
export class MoveOrgUnitInput {
  @Field(() => ID) id: string;
  @Field(() => ID) newParentId: string;
  @Field(() => DateDay, { description: EFFECTIVE }) effectiveOn: string;
  @Field({ description: DECISION }) decisionReference: string;
}

@InputType()
export class TransferOrgUnitsInput {
  @Field(() => [ID], { description: 'The units (e.g. CĐCS) moved by one decision, at most 5000' }) ids: string[];
  @Field(() => ID) newParentId: string;
  @Field(() => DateDay, { description: EFFECTIVE }) effectiveOn: string;
  @Field({ description: DECISION }) decisionReference: string;
}

@InputType()
export class RenameOrgUnitInput {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => DateDay, { description: EFFECTIVE }) effectiveOn: string;
  @Field({ description: DECISION }) decisionReference: string;
}

@InputType({ description: "A unit's level one step up (upgradeOrgUnit) or down (downgradeOrgUnit) from a day" })
export class ChangeOrgUnitLevelInput {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: 'A new parent from the same day (one that may hold the new level)' }) newParentId?: string | null;
  @Field(() => DateDay, { description: EFFECTIVE }) effectiveOn: string;
  @Field({ description: DECISION }) decisionReference: string;
}

@InputType()
export class NewOrgUnitInput {
  @Field() name: string;
  @Field(() => OrgUnitKind) kind: string;
  @Field(() => ID) parentId: string;
}

@InputType()
export class FoundOrgUnitInput {
  @Field() name: string;
  @Field(() => OrgUnitKind) kind: string;
  @Field(() => ID) parentId: string;
  @Field(() => DateDay, { description: 'The first day the unit exists; the unit is made at once, the tree as of an earlier day leaves it out' })
  effectiveOn: string;
  @Field({ description: DECISION }) decisionReference: string;
}

@InputType()
export class DissolveOrgUnitInput {
  @Field(() => ID) id: string;
  @Field(() => DateDay, { description: EFFECTIVE }) effectiveOn: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'Receives its child units, enterprises, open cases, accounts and this year target; without it the call is refused when any would be left behind',
  })
  transferTo?: string | null;
  @Field(() => OfficersOnDissolve, { nullable: true, defaultValue: OfficersOnDissolve.MOVE }) officers?: OfficersOnDissolve | null;
  @Field(() => TargetsOnDissolve, { nullable: true, defaultValue: TargetsOnDissolve.MOVE }) targets?: TargetsOnDissolve | null;
  @Field({ description: DECISION }) decisionReference: string;
}

@InputType()
export class MergeOrgUnitsInput {
  @Field(() => [ID], { description: 'The units merged (each dissolved into the receiver)' }) ids: string[];
  @Field(() => ID, { nullable: true, description: 'An existing receiver (sáp nhập); exactly one of into and newUnit' }) into?: string | null;
  @Field(() => NewOrgUnitInput, { nullable: true, description: 'A new unit founded that day to receive them (hợp nhất)' }) newUnit?: NewOrgUnitInput | null;
  @Field(() => DateDay, { description: EFFECTIVE }) effectiveOn: string;
  @Field(() => OfficersOnDissolve, { nullable: true, defaultValue: OfficersOnDissolve.MOVE }) officers?: OfficersOnDissolve | null;
  @Field(() => TargetsOnDissolve, { nullable: true, defaultValue: TargetsOnDissolve.MOVE }) targets?: TargetsOnDissolve | null;
  @Field({ description: DECISION }) decisionReference: string;
}

@InputType({ description: "One new unit of a split and what it takes from the split unit (its kind and parent default to the split unit's)" })
export class SplitPartInput {
  @Field() name: string;
  @Field(() => OrgUnitKind, { nullable: true }) kind?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => [ID], { defaultValue: [], description: 'Child units of the split unit that move under this one' }) childIds: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Enterprises of the split unit that move here, their open founding cases with them' })
  enterpriseIds: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Accounts of the split unit that move here' }) userIds: string[];
}

@InputType()
export class SplitOrgUnitInput {
  @Field(() => ID) id: string;
  @Field(() => [SplitPartInput], { description: 'The new units founded that day (at least two, or one with keepOriginal), at most 20' })
  parts: SplitPartInput[];
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'false (chia tách): the unit is dissolved and whatever no part lists (units, enterprises, open cases, accounts, this year target) goes to the first part; true (tách): the unit goes on with the rest',
  })
  keepOriginal?: boolean | null;
  @Field(() => OfficersOnDissolve, { nullable: true, defaultValue: OfficersOnDissolve.MOVE, description: 'Accounts no part lists, when the unit is dissolved' })
  officers?: OfficersOnDissolve | null;
  @Field(() => TargetsOnDissolve, { nullable: true, defaultValue: TargetsOnDissolve.MOVE, description: 'This year target, when the unit is dissolved' })
  targets?: TargetsOnDissolve | null;
  @Field(() => DateDay, { description: EFFECTIVE }) effectiveOn: string;
  @Field({ description: DECISION }) decisionReference: string;
}
