import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { LabourContractKind, LeaveReason, MemberStatus, Sex } from './grassroots.enums';

@InputType()
export class MemberFilter {
  @Field(() => String, { nullable: true, description: 'A name (also without diacritics) or the start of a citizen id' }) search?: string | null;
  @Field(() => MemberStatus, { nullable: true }) status?: MemberStatus | null;
  @Field(() => Sex, { nullable: true }) sex?: Sex | null;
  @Field(() => LabourContractKind, { nullable: true }) contractKind?: LabourContractKind | null;
  @Field(() => LeaveReason, { nullable: true, description: 'Members who left for this reason' }) leftReason?: LeaveReason | null;
}

@InputType({ isAbstract: true })
export abstract class StaffFieldsInput {
  @Field() fullName: string;
  @Field({ description: 'Citizen id (CCCD): 12 digits checked against birthDate and sex; 11 digits get their lost leading 0 back when valid' })
  citizenId: string;
  @Field(() => DateDay) birthDate: string;
  @Field(() => Sex) sex: Sex;
  @Field(() => String, { nullable: true }) job?: string | null;
  @Field(() => LabourContractKind, { nullable: true }) contractKind?: LabourContractKind | null;
  @Field(() => Int, { nullable: true, description: 'Months of a fixed-term contract' }) contractMonths?: number | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Default Việt Nam' }) nationality?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Owner, director or anyone signing labour contracts (eligibility)' }) isManager?: boolean | null;
  @Field(() => Boolean, { nullable: true }) servingSentence?: boolean | null;
}

@InputType()
export class AddStaffInput extends StaffFieldsInput {
  @Field(() => ID) grassrootsUnionId: string;
}

@InputType()
export class UpdateStaffInput extends StaffFieldsInput {
  @Field(() => ID, { description: 'The Member id' }) id: string;
}

@InputType()
export class AdmitMembersInput {
  @Field(() => ID) grassrootsUnionId: string;
  @Field(() => String, {
    nullable: true,
    description:
      "Empty: the CĐCS's register gives the number and the decision document is issued with the batch; a typed number may not have the register's form",
  })
  decisionNumber?: string | null;
  @Field(() => DateDay) decidedOn: string;
  @Field(() => String, { nullable: true, description: "Required with a typed number; else the signer of the CĐCS's document settings" }) signer?: string | null;
  @Field(() => [ID], { nullable: true, description: 'People of the staff list to admit' }) memberIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Pending applications to the CĐCS to admit' }) applicationIds?: string[] | null;
}

@InputType()
export class RecordMemberLeavingInput {
  @Field(() => ID) memberId: string;
  @Field(() => DateDay) leftOn: string;
  @Field(() => LeaveReason, { description: 'Not TRANSFERRED: a transfer is recorded by the receiving CĐCS with transferMember' }) reason: LeaveReason;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class TransferMemberInput {
  @Field(() => ID, { description: "The person on the receiving CĐCS's staff list; its citizen id finds the membership that ends" }) memberId: string;
  @Field(() => DateDay) transferredOn: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class RecordUpperLevelMemberLeavingInput {
  @Field(() => ID, { description: 'The UpperLevelMember id' }) memberId: string;
  @Field(() => DateDay) leftOn: string;
  @Field(() => LeaveReason, { description: 'Not TRANSFERRED: a transfer to a CĐCS is transferUpperLevelMember' }) reason: LeaveReason;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class TransferUpperLevelMemberInput {
  @Field(() => ID, { description: 'The UpperLevelMember id' }) memberId: string;
  @Field(() => ID, { description: "The receiving CĐCS, in the upper-level union's subtree" }) grassrootsUnionId: string;
  @Field(() => DateDay) transferredOn: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class CreateGrassrootsAccountInput {
  @Field(() => ID, { description: 'A recognized founding case: the account belongs to the CĐCS it founded' }) caseId: string;
  @Field() email: string;
  @Field() fullName: string;
  @Field() password: string;
}

@InputType()
export class SetGrassrootsEmployerInput {
  @Field(() => ID) grassrootsUnionId: string;
  @Field(() => ID, { nullable: true, description: 'An enterprise of the register the caller sees; null clears the employer' }) enterpriseId?: string | null;
}
