import type * as G from './generated/graphql';
import { op } from './queries';

/** The documents of the calendar page (see queries.ts for how codegen reads them). */

const CALENDAR_DAY = /* GraphQL */ `fragment CalendarDayRow on CalendarDay { day kind note document }`;

const CALENDAR_CHANGE = /* GraphQL */ `fragment CalendarChangeView on CalendarChange { day
  previous { ...CalendarDayRow } current { ...CalendarDayRow }
  movedCaseCount movedApplicationCount
  movedCases { before after case { id stage enterprise { id name taxCode } orgUnit { id name } assignee { id fullName } } } }`;

export const CALENDAR = {
  days: op<G.CalendarDaysQuery, G.CalendarDaysQueryVariables>(
    /* GraphQL */ `query CalendarDays($y: Int!) { calendarYears calendarDays(year: $y) { ...CalendarDayRow } } ${CALENDAR_DAY}`,
  ),
  save: op<G.SaveCalendarDayMutation, G.SaveCalendarDayMutationVariables>(
    /* GraphQL */ `mutation SaveCalendarDay($i: CalendarDayInput!) { saveCalendarDay(input: $i) { ...CalendarChangeView } } ${CALENDAR_CHANGE} ${CALENDAR_DAY}`,
  ),
  remove: op<G.RemoveCalendarDayMutation, G.RemoveCalendarDayMutationVariables>(
    /* GraphQL */ `mutation RemoveCalendarDay($d: Date!) { removeCalendarDay(day: $d) { ...CalendarChangeView } } ${CALENDAR_CHANGE} ${CALENDAR_DAY}`,
  ),
};

export type CalendarDay = G.CalendarDayRowFragment;
export type CalendarDayKind = G.CalendarDayKind;
export type CalendarChange = G.CalendarChangeViewFragment;
