import { Args, Field, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { CalendarService, Role } from '@app/core';
import { Everyone, Roles } from '../auth/access.decorators';
import { DateDay } from '../graphql/date.scalar';

export enum CalendarDayKind {
  DAY_OFF = 'DAY_OFF',
  MAKE_UP_WORKING_DAY = 'MAKE_UP_WORKING_DAY',
}
registerEnumType(CalendarDayKind, { name: 'CalendarDayKind' });

@ObjectType('CalendarDay')
export class CalendarDayModel {
  @Field(() => DateDay) day: string;
  @Field(() => CalendarDayKind) kind: CalendarDayKind;
  @Field(() => String, { nullable: true }) note: string | null;
}

/** The working-day calendar: public-sector days off and make-up Saturdays; admins keep it for later years. */
@Resolver(() => CalendarDayModel)
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Everyone()
  @Query(() => [CalendarDayModel])
  calendarDays(@Args('year', { type: () => Int }) year: number): Promise<CalendarDayModel[]> {
    return this.calendar.daysOfYear(year) as Promise<CalendarDayModel[]>; // the enum's values are the column's
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, {
    description:
      'Sets a day off or a make-up working day; a null kind removes the day from the calendar. Stored due days that the change moves are recomputed by the worker.',
  })
  async setCalendarDay(
    @Args('day', { type: () => DateDay }) day: string,
    @Args('kind', { type: () => CalendarDayKind, nullable: true }) kind: CalendarDayKind | null,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<boolean> {
    await this.calendar.setDay(day, kind, note);
    return true;
  }
}
