import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrgChangeKind, OrgChangeStatus } from '@app/domain';
import { DateDay } from './date.scalar';

registerEnumType(OrgChangeKind, { name: 'OrgChangeKind', description: "The Charter's kinds of change to the union's structure" });
registerEnumType(OrgChangeStatus, { name: 'OrgChangeStatus' });

@ObjectType('OrgUnitChange', { description: 'A change of the structure (docs/architecture.md#restructuring), with its decision' })
export class OrgUnitChangeModel {
  @Field(() => ID) id: string;
  @Field(() => OrgChangeKind) kind: OrgChangeKind;
  @Field({ description: 'The kind in Vietnamese, e.g. "Giải thể"' }) kindLabel: string;
  @Field(() => OrgChangeStatus) status: OrgChangeStatus;
  @Field(() => DateDay) effectiveOn: string;
  @Field() decisionReference: string;
  @Field({ description: 'What it does, in Vietnamese' }) summary: string;
  @Field(() => [ID], { description: 'The units it concerns: subjects, receivers, old and new parents' }) unitIds: string[];
  @Field(() => [ID], { description: 'The units it founded once applied (FOUND and CONSOLIDATE: one; SPLIT: the parts in order)' }) foundedUnitIds: string[];
  @Field({ description: 'Who recorded it' }) createdByName: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) appliedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why a scheduled change could not be applied on its day' }) failure: string | null;
}
