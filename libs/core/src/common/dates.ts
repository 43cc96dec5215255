/** The app's clock: the current instant, injected (CLOCK) so that rules and tests never fake the global clock; today's day in Vietnam is CalendarService.today(). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
