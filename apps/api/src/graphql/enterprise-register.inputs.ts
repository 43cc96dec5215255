import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CloseEnterprise, UpdateEnterprise } from '@app/core';
import { DateDay } from './date.scalar';
import { FundingType, Ownership } from './enums';

@InputType({ description: 'Only the fields given change (one UPDATE of those columns): a concurrent edit of other fields is kept' })
export class UpdateEnterpriseInput implements UpdateEnterprise {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) taxCode?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => String, { nullable: true }) sector?: string | null;
  @Field(() => Ownership, { nullable: true }) ownership?: Ownership | null;
  @Field(() => Boolean, { nullable: true }) hasUnion?: boolean | null;
  @Field(() => Int, { nullable: true }) workerCount?: number | null;
  @Field(() => DateDay, { nullable: true, description: 'The day the count was taken (default today)' }) workerCountOn?: string | null;
  @Field(() => FundingType, { nullable: true, description: 'A funding type holding from fundingTypeFrom (kept in fundingTypeHistory)' })
  fundingType?: FundingType | null;
  @Field(() => DateDay, { nullable: true, description: "The day fundingType holds from (default today; not before the current one's)" })
  fundingTypeFrom?: string | null;
}

@InputType()
export class CloseEnterpriseInput implements CloseEnterprise {
  @Field(() => ID) id: string;
  @Field(() => DateDay, { description: 'The day it ceased operating: today or earlier' }) closedOn: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}
