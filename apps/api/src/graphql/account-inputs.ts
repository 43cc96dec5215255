import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from './enums';
import { DateDay } from './date.scalar';

@InputType()
export class AccountFilterInput {
  @Field(() => ID, { nullable: true, description: 'Users of this unit and its subtree' }) orgUnitId?: string | null;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Part of the full name or e-mail; case and Vietnamese diacritics are ignored ("nguyen van" finds "Nguyễn Văn")',
  })
  search?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) fullName?: string | null;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword: string;
  @Field({ description: 'At least 10 characters (at most 72 bytes), not containing the e-mail address, not a common password' }) newPassword: string;
}

@InputType()
export class UpdateOrgUnitInput {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => DateDay, { nullable: true, description: 'A correction of the founding day; absent: kept' }) establishedOn?: string | null;
}
