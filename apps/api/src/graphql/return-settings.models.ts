import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

/** The settings of statistics-return periods in force for a unit (docs/architecture.md#statistics-returns). */
@ObjectType('StatisticsReturnSettings', {
  description: "The return periods' settings in force for a unit: its own row, else its nearest ancestor's, else the defaults (QĐ 1454/QĐ-TLĐ)",
})
export class ReturnSettingsModel {
  @Field(() => ID) orgUnitId: string;
  @Field() orgUnitName: string;
  @Field(() => ID, { nullable: true, description: 'The unit whose settings these are (the unit itself or an ancestor); null: the defaults' })
  fromOrgUnitId: string | null;
  @Field(() => String, { nullable: true }) fromOrgUnitName: string | null;
  @Field({ description: "The half-year's reference day, MM-DD (default 05-31)" }) halfYearDay: string;
  @Field({ description: "The year's reference day, MM-DD (default 11-30); a period starts the day after the previous year's" }) yearDay: string;
  @Field(() => Int, { description: 'The due day: this many working days after the reference day (default 10)' }) dueWorkingDays: number;
  @Field(() => Int, { description: 'The reminder: this many working days before the due day (default 3)' }) reminderWorkingDays: number;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
}

@InputType({ description: 'A unit’s own settings; a field left out keeps the value in force' })
export class SaveStatisticsReturnSettingsInput {
  @Field(() => ID) orgUnitId: string;
  @Field(() => String, { nullable: true, description: 'MM-DD' }) halfYearDay?: string | null;
  @Field(() => String, { nullable: true, description: 'MM-DD, after the half-year day' }) yearDay?: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 60' }) dueWorkingDays?: number | null;
  @Field(() => Int, { nullable: true, description: '0 to 30, fewer than dueWorkingDays' }) reminderWorkingDays?: number | null;
  @Field(() => Boolean, { nullable: true, description: "True: drop the unit's own settings and take its ancestors' (or the defaults) again" })
  inherit?: boolean | null;
}
