import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { LabourContractKind, LeaveReason, MemberStatus, Sex } from './grassroots.enums';
import { Connection } from './models';

@ObjectType('Membership', { description: 'One membership of a person in a CĐCS, from its admission (or transfer in) to its end' })
export class MembershipModel {
  @Field(() => ID) id: string;
  @Field(() => DateDay) admittedOn: string;
  @Field(() => String, {
    nullable: true,
    description: "The admission decision's number; for a transfer, carried over from the CĐCS it came from (the decision that first admitted the person there)",
  })
  decisionNumber: string | null;
  @Field({ description: 'Came by a transfer from another CĐCS: not a new member' }) transferredIn: boolean;
  @Field(() => String, { nullable: true, description: 'For a transfer, the name of the CĐCS it came from' }) transferredFromName: string | null;
  @Field(() => DateDay, { nullable: true }) leftOn: string | null;
  @Field(() => LeaveReason, { nullable: true }) leftReason: LeaveReason | null;
  @Field(() => String, { nullable: true }) leftNote: string | null;
}

@ObjectType('Member', { description: "A person of a CĐCS's staff list with its membership there (status NOT_MEMBER, MEMBER or LEFT)" })
export class MemberModel {
  @Field(() => ID) id: string;
  @Field(() => ID) grassrootsUnionId: string;
  @Field() fullName: string;
  @Field(() => String, { nullable: true, description: 'Citizen id (CCCD), 12 digits; founders recorded without one have none' }) citizenId: string | null;
  @Field(() => DateDay, { nullable: true }) birthDate: string | null;
  @Field(() => Int) birthYear: number;
  @Field(() => Sex) sex: Sex;
  @Field(() => String, { nullable: true }) job: string | null;
  @Field(() => LabourContractKind, { nullable: true }) contractKind: LabourContractKind | null;
  @Field(() => Int, { nullable: true }) contractMonths: number | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field() nationality: string;
  @Field() isManager: boolean;
  @Field(() => MemberStatus) status: MemberStatus;
  @Field(() => DateDay, { nullable: true, description: 'Of the current (or last) membership' }) admittedOn: string | null;
  @Field(() => String, { nullable: true }) decisionNumber: string | null;
  @Field({ description: 'The current (or last) membership came by a transfer' }) transferredIn: boolean;
  @Field(() => DateDay, { nullable: true }) leftOn: string | null;
  @Field(() => LeaveReason, { nullable: true }) leftReason: LeaveReason | null;
  @Field(() => String, { nullable: true }) leftNote: string | null;
  @Field(() => [MembershipModel], { description: 'Every membership in this CĐCS, oldest first' }) memberships?: MembershipModel[];
}

@ObjectType('MemberConnection')
export class MemberConnectionModel extends Connection(MemberModel) {}

@ObjectType('AdmissionDecision', { description: 'An admission decision of a CĐCS (quyết định kết nạp đoàn viên)' })
export class AdmissionDecisionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) grassrootsUnionId: string;
  @Field() number: string;
  @Field(() => DateDay) decidedOn: string;
  @Field() signer: string;
  @Field(() => [ID], { description: 'The people admitted (Member ids)' }) memberIds: string[];
  @Field(() => Int, { description: 'How many people it admitted' }) membersCount: number;
  @Field(() => [MemberModel], { description: 'The people admitted, by name (batched per request)' }) members?: MemberModel[];
}

@ObjectType('AdmissionDecisionConnection')
export class AdmissionDecisionConnectionModel extends Connection(AdmissionDecisionModel) {}

@ObjectType('GrassrootsUnion', { description: "A CĐCS of the caller's subtree, as the upper level's list shows it" })
export class GrassrootsUnionModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => String, { nullable: true }) parentName: string | null;
  @Field(() => Int, { description: 'People on its staff list' }) staffCount: number;
  @Field(() => Int, { description: 'Active members' }) membersCount: number;
  @Field({ description: 'An active GRASSROOTS account sits on it' }) hasAccount: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'Its employer: the enterprise recorded for it (setGrassrootsEmployer) or that of the founding case that made it',
  })
  employerId: string | null;
  @Field(() => String, { nullable: true }) employerName: string | null;
  @Field({ description: 'The employer is the enterprise of the founding case that made the CĐCS (not set by hand)' }) employerFromCase: boolean;
}

@ObjectType('GrassrootsUnionConnection')
export class GrassrootsUnionConnectionModel extends Connection(GrassrootsUnionModel) {}

@ObjectType('UpperLevelMember', {
  description: 'A membership registered directly at an upper-level union (admitted on an application: the enterprise has no CĐCS), on no staff list',
})
export class UpperLevelMemberModel {
  @Field(() => ID, { description: 'The membership' }) id: string;
  @Field(() => ID, { description: 'The upper-level union' }) orgUnitId: string;
  @Field(() => ID, { nullable: true, description: 'The application it was admitted on' }) applicationId: string | null;
  @Field() fullName: string;
  @Field(() => String, { nullable: true, description: 'As the application gave it: a citizen id (CCCD, 12 digits), an older 9-digit id, or none' })
  citizenId: string | null;
  @Field(() => Int) birthYear: number;
  @Field(() => Sex) sex: Sex;
  @Field(() => String, { nullable: true, description: 'The job the application gave' }) position: string | null;
  @Field(() => MemberStatus, { description: 'MEMBER or LEFT' }) status: MemberStatus;
  @Field(() => DateDay) admittedOn: string;
  @Field(() => String, { nullable: true }) decisionNumber: string | null;
  @Field(() => DateDay, { nullable: true }) leftOn: string | null;
  @Field(() => LeaveReason, { nullable: true }) leftReason: LeaveReason | null;
  @Field(() => String, { nullable: true, description: 'For a transfer: "Chuyển đến <the CĐCS>", then the note' }) leftNote: string | null;
}

@ObjectType('UpperLevelMemberConnection')
export class UpperLevelMemberConnectionModel extends Connection(UpperLevelMemberModel) {}
