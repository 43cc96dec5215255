import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CalendarChangeResult, CalendarEditsService, CalendarService, MovedDueDay } from '@app/core';
import { missingCalendarYearText } from '@app/domain';
import { FoundingCaseEntity } from '@app/persistence';
import { AnyRole, Everyone, Roles } from '../auth/access.decorators';
import { Role } from '../graphql/enums';
import { DateDay } from '../graphql/date.scalar';
import {
  CalendarChangeModel,
  CalendarDayInput,
  CalendarDayKind,
  CalendarDayModel,
  CalendarDaysChangeModel,
  CalendarDaysInput,
  CalendarWarningModel,
  MovedDueDayModel,
} from '../graphql/calendar.models';

export { CalendarDayKind, CalendarDayModel } from '../graphql/calendar.models';

/** How many moved cases a change lists (the count says how many there are). */
const MOVED_LISTED = 200;

/**
 * The working-day calendar: public-sector days off and make-up working days; ADMINs keep it
 * (docs/architecture.md#the-working-day-calendar-and-due-days).
 */
@Resolver(() => CalendarDayModel)
export class CalendarResolver {
  constructor(
    private readonly calendar: CalendarService,
    private readonly edits: CalendarEditsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Everyone()
  @Query(() => [CalendarDayModel])
  calendarDays(@Args('year', { type: () => Int }) year: number): Promise<CalendarDayModel[]> {
    return this.calendar.daysOfYear(year) as Promise<CalendarDayModel[]>; // the enum's values are the column's
  }

  @AnyRole()
  @Query(() => [Int], { description: 'The years whose days an ADMIN may set: from the first bundled year to two years after this one' })
  calendarYears(): number[] {
    return this.calendar.years();
  }

  @AnyRole()
  @Query(() => [CalendarWarningModel], {
    description:
      'Years the calendar has no days off for though due days are counted in them (this year, next year from October, the years of stored due days): the calendar page and the board warn',
  })
  async calendarWarnings(): Promise<CalendarWarningModel[]> {
    return (await this.calendar.missingYears()).map((m) => ({ ...m, message: missingCalendarYearText(m.year) }));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CalendarDaysChangeModel, {
    description:
      'Adds or changes several days at once (e.g. the Labour Code holidays of a year): all checked first, then written and the due days recomputed once, in one transaction',
  })
  async saveCalendarDays(@Args('input') input: CalendarDaysInput): Promise<CalendarDaysChangeModel> {
    const r = await this.edits.changeMany(input.days.map((d) => ({ ...d, noteRequired: true })));
    return {
      days: r.days as CalendarDaysChangeModel['days'],
      changedDayCount: r.changed,
      movedCaseCount: r.moved.length,
      movedCases: await this.movedCases(r.moved),
      movedApplicationCount: r.movedApplications,
    };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, {
    description:
      'Sets a day off or a make-up working day; a null kind removes the day from the calendar. The stored due days it moves are recomputed in the same transaction (saveCalendarDay and removeCalendarDay also say which).',
  })
  async setCalendarDay(
    @Args('day', { type: () => DateDay }) day: string,
    @Args('kind', { type: () => CalendarDayKind, nullable: true }) kind: CalendarDayKind | null,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @Args('document', { type: () => String, nullable: true, description: 'The announcing document' }) document: string | null,
  ): Promise<boolean> {
    await this.edits.change({ day, kind, note, document });
    return true;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CalendarChangeModel, { description: 'Adds or changes a day of the calendar; answers which open cases’ due days moved' })
  async saveCalendarDay(@Args('input') input: CalendarDayInput): Promise<CalendarChangeModel> {
    return this.model(await this.edits.change({ ...input, noteRequired: true }));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CalendarChangeModel, { description: 'Takes a day out of the calendar; answers which open cases’ due days moved' })
  async removeCalendarDay(@Args('day', { type: () => DateDay }) day: string): Promise<CalendarChangeModel> {
    return this.model(await this.edits.change({ day, kind: null }));
  }

  private async model(r: CalendarChangeResult): Promise<CalendarChangeModel> {
    return {
      day: r.day,
      previous: r.previous as CalendarDayModel | null,
      current: r.current as CalendarDayModel | null,
      movedCaseCount: r.moved.length,
      movedCases: await this.movedCases(r.moved),
      movedApplicationCount: r.movedApplications,
    };
  }

  /** The first MOVED_LISTED moved cases, with their rows for the case fields. */
  private async movedCases(moved: MovedDueDay[]): Promise<MovedDueDayModel[]> {
    const listed = moved.slice(0, MOVED_LISTED);
    const cases = await this.db.getRepository(FoundingCaseEntity).findBy({ id: In(listed.map((m) => m.caseId)) });
    const byId = new Map(cases.map((c) => [c.id, c]));
    return listed.filter((m) => byId.has(m.caseId)).map((m) => ({ foundingCase: byId.get(m.caseId)!, before: m.before, after: m.after }));
  }
}
