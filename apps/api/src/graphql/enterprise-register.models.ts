import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EnterpriseCaseStatus, EnterpriseSort, WorkerCountSource } from '@app/core';
import { FundingType } from './enums';
import { DateDay } from './date.scalar';
import { UserModel } from './models';

registerEnumType(WorkerCountSource, {
  name: 'WorkerCountSource',
  description: "Where a worker count came from: the register form, a register import, or a founding case's survey",
});
registerEnumType(EnterpriseCaseStatus, {
  name: 'EnterpriseCaseStatus',
  description: 'OPEN_CASE: has an open founding case; NO_CASE: never had any case; NO_OPEN_CASE: no open founding case (one may be opened)',
});
registerEnumType(EnterpriseSort, { name: 'EnterpriseSort' });

export { EnterpriseCaseStatus, EnterpriseSort, WorkerCountSource };

@ObjectType('WorkerCountEntry', { description: 'A worker count of an enterprise: the number, the day it was taken, where it came from' })
export class WorkerCountEntryModel {
  @Field(() => Int) workerCount: number;
  @Field(() => DateDay) countedOn: string;
  @Field(() => WorkerCountSource) source: WorkerCountSource;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => UserModel, { nullable: true }) recordedBy?: UserModel | null;
  @Field(() => Date) recordedAt: Date;
}

@ObjectType('FundingTypeEntry', { description: "An employer's funding type holding from a day: how it was recorded (MANUAL or IMPORT), by whom and when" })
export class FundingTypeEntryModel {
  @Field(() => FundingType) fundingType: FundingType;
  @Field(() => DateDay) validFrom: string;
  @Field() source: string;
  @Field(() => UserModel, { nullable: true }) recordedBy?: UserModel | null;
  @Field(() => Date) recordedAt: Date;
}
