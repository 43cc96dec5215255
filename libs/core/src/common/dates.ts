/** Today's calendar day in Vietnam; `now` is injectable so rules and tests never fake the clock. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
