import type * as G from './generated/graphql';
import { op } from './queries';

/** The documents of the calendar page (see queries.ts for how codegen reads them). */

const CALENDAR_DAY = /* GraphQL */ `fragment CalendarDayRow on CalendarDay { day kind note document }`;

const MOVED_CASE = /* GraphQL */ `fragment MovedCaseRow on MovedDueDay { before after case { id stage enterprise { id name taxCode } orgUnit { id name } assignee { id fullName } } }`;

const CALENDAR_CHANGE = /* GraphQL */ `fragment CalendarChangeView on CalendarChange { day
  previous { ...CalendarDayRow } current { ...CalendarDayRow }
  movedCaseCount movedApplicationCount movedCases { ...MovedCaseRow } } ${MOVED_CASE}`;

const CALENDAR_DAYS_CHANGE = /* GraphQL */ `fragment CalendarDaysChangeView on CalendarDaysChange {
  changedDayCount movedCaseCount movedApplicationCount movedCases { ...MovedCaseRow } } ${MOVED_CASE}`;

export const CALENDAR = {
  days: op<G.CalendarDaysQuery, G.CalendarDaysQueryVariables>(
    /* GraphQL */ `query CalendarDays($y: Int!) { calendarYears calendarDays(year: $y) { ...CalendarDayRow } } ${CALENDAR_DAY}`,
  ),
  save: op<G.SaveCalendarDayMutation, G.SaveCalendarDayMutationVariables>(
    /* GraphQL */ `mutation SaveCalendarDay($i: CalendarDayInput!) { saveCalendarDay(input: $i) { ...CalendarChangeView } } ${CALENDAR_CHANGE} ${CALENDAR_DAY}`,
  ),
  saveMany: op<G.SaveCalendarDaysMutation, G.SaveCalendarDaysMutationVariables>(
    /* GraphQL */ `mutation SaveCalendarDays($i: CalendarDaysInput!) { saveCalendarDays(input: $i) { ...CalendarDaysChangeView } } ${CALENDAR_DAYS_CHANGE}`,
  ),
  warnings: op<G.CalendarWarningsQuery, G.CalendarWarningsQueryVariables>(
    /* GraphQL */ `query CalendarWarnings { calendarWarnings { year holdsDueDays message } }`,
  ),
  remove: op<G.RemoveCalendarDayMutation, G.RemoveCalendarDayMutationVariables>(
    /* GraphQL */ `mutation RemoveCalendarDay($d: Date!) { removeCalendarDay(day: $d) { ...CalendarChangeView } } ${CALENDAR_CHANGE} ${CALENDAR_DAY}`,
  ),
};

export type CalendarDay = G.CalendarDayRowFragment;
export type CalendarDayKind = G.CalendarDayKind;
export type CalendarChange = G.CalendarChangeViewFragment;
export type CalendarDaysChange = G.CalendarDaysChangeViewFragment;
export type CalendarWarning = G.CalendarWarningsQuery['calendarWarnings'][number];
/** What a change moved: the open cases whose due day moved, and the direct applications. */
export type MovedDueDaysView = Pick<CalendarChange, 'movedCaseCount' | 'movedApplicationCount' | 'movedCases'>;
