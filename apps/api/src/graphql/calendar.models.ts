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
