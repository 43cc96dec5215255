import { IsoDate, isIsoDate } from '@app/domain';
import { FieldProblems } from '../common/field-problems';
import { RULE } from '../common/messages-vi';

/** The founding day of the Vietnamese trade union (28/7/1929): no unit of it is older. */
export const EARLIEST_UNIT_DAY: IsoDate = '1929-07-28';

/**
 * A unit's founding day as typed (createOrgUnit, updateOrgUnit): a real day, not after today, not before 1929. It decides
 * which periods' statistics returns a CĐCS owes (docs/architecture.md#statistics-returns).
 */
export function checkEstablishedOn(problems: FieldProblems, value: unknown, today: IsoDate): void {
  if (typeof value !== 'string' || !isIsoDate(value)) problems.add('establishedOn', RULE.realDay('establishedOn'));
  else if (value > today) problems.add('establishedOn', RULE.notAfterToday('establishedOn', today));
  else if (value < EARLIEST_UNIT_DAY) problems.add('establishedOn', RULE.notBefore('establishedOn', EARLIEST_UNIT_DAY));
}
