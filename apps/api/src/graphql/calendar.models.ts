import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FoundingCaseEntity } from '@app/persistence';
import { DateDay } from './date.scalar';
import { FoundingCaseModel } from './models';

export enum CalendarDayKind {
  DAY_OFF = 'DAY_OFF',
  MAKE_UP_WORKING_DAY = 'MAKE_UP_WORKING_DAY',
}
registerEnumType(CalendarDayKind, { name: 'CalendarDayKind' });

@ObjectType('CalendarDay')
export class CalendarDayModel {
  @Field(() => DateDay) day: string;
  @Field(() => CalendarDayKind) kind: CalendarDayKind;
  @Field(() => String, { nullable: true, description: 'What the day is, e.g. "Tết Nguyên đán Bính Ngọ"' }) note: string | null;
  @Field(() => String, { nullable: true, description: 'The document that announced it, e.g. "Thông báo 6150/TB-BLĐTBXH"' })
  document: string | null;
}

@InputType({ description: 'A day off (a weekday) or a make-up working day (a Saturday or Sunday), with what it is and who announced it' })
export class CalendarDayInput {
  @Field(() => DateDay) day: string;
  @Field(() => CalendarDayKind) kind: CalendarDayKind;
  @Field({ description: 'Required, at most 200 characters' }) note: string;
  @Field(() => String, { nullable: true, description: 'The announcing document, at most 120 characters' }) document?: string | null;
}

@ObjectType('MovedDueDay', { description: 'An open case whose stage due day a calendar change moved' })
export class MovedDueDayModel {
  @Field(() => FoundingCaseModel, { name: 'case' }) foundingCase: FoundingCaseEntity; // its fields come from FoundingCaseResolver
  @Field(() => DateDay) before: string;
  @Field(() => DateDay) after: string;
}

@ObjectType('CalendarChange', { description: 'What a calendar change did; the due days it moved were written in the same transaction' })
export class CalendarChangeModel {
  @Field(() => DateDay) day: string;
  @Field(() => CalendarDayModel, { nullable: true, description: 'The day before the change (null: it was not in the calendar)' })
  previous: CalendarDayModel | null;
  @Field(() => CalendarDayModel, { nullable: true, description: 'The day after the change (null: removed)' }) current: CalendarDayModel | null;
  @Field(() => Int, { description: 'Open cases whose due day moved' }) movedCaseCount: number;
  @Field(() => [MovedDueDayModel], { description: 'The first 200 of them, by their new due day' }) movedCases: MovedDueDayModel[];
  @Field(() => Int, { description: 'Pending direct applications whose decision due day moved' }) movedApplicationCount: number;
}

@InputType({ description: 'Several days written at once (e.g. the Labour Code holidays of a year), in one transaction' })
export class CalendarDaysInput {
  @Field(() => [CalendarDayInput], { description: 'At most 60 days, each once' }) days: CalendarDayInput[];
}

@ObjectType('CalendarDayChange', { description: 'One day of a batch: before and after (equal when it was saved as it was)' })
export class CalendarDayChangeModel {
  @Field(() => DateDay) day: string;
  @Field(() => CalendarDayModel, { nullable: true }) previous: CalendarDayModel | null;
  @Field(() => CalendarDayModel, { nullable: true }) current: CalendarDayModel | null;
}

@ObjectType('CalendarDaysChange', { description: 'What a batch of calendar days did; the due days it moved were written in the same transaction' })
export class CalendarDaysChangeModel {
  @Field(() => [CalendarDayChangeModel]) days: CalendarDayChangeModel[];
  @Field(() => Int, { description: 'Days whose kind, note or document changed (0: everything was already so)' }) changedDayCount: number;
  @Field(() => Int, { description: 'Open cases whose due day moved' }) movedCaseCount: number;
  @Field(() => [MovedDueDayModel], { description: 'The first 200 of them, by their new due day' }) movedCases: MovedDueDayModel[];
  @Field(() => Int, { description: 'Pending direct applications whose decision due day moved' }) movedApplicationCount: number;
}

@ObjectType('CalendarWarning', { description: 'A year the working-day calendar has no days off for, though due days are counted in it' })
export class CalendarWarningModel {
  @Field(() => Int) year: number;
  @Field({ description: 'Open cases or pending applications have a stored due day in that year' }) holdsDueDays: boolean;
  @Field({ description: 'The warning, in Vietnamese' }) message: string;
}
