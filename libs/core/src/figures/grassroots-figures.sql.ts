import { DayRange, addDays, isoDateParts, nextMonthStart, splitIntoYears } from '@app/domain';
import { SqlParams } from '../common/sql-params';
import { inRanges } from './figure-conditions.sql';
import { FigurePeriod, ScopeUnit } from './figure-types';
import { viOrder } from '../common/vietnamese-order';

/**
 * Per CĐCS of the subtree (GrassrootsFigures): members admitted in the period (new members: not those who came by a
 * transfer) and members at its end. Whole years and
 * months come from member_year and member_month; members at the end are the union's total minus what
 * came after the end (one row a year, a row a month for the rest of the end's year); the days of a
 * partial month are counted from `member`.
 */
export function grassrootsFiguresSql(p: SqlParams, unit: ScopeUnit, period: FigurePeriod): string {
  const { years, months, days } = splitIntoYears(period.start, period.end);
  // After the end: the years from the next one on, the months left in the end's year, the days left in its month.
  const [endYear] = isoDateParts(period.end);
  const nextYear = `${endYear + 1}-01-01`;
  const nextMonth = nextMonthStart(period.end);
  const afterMonths: DayRange[] = nextMonth < nextYear ? [{ from: nextMonth, to: `${endYear}-12-31` }] : [];
  const tail: DayRange[] = period.end < addDays(nextMonth, -1) ? [{ from: addDays(period.end, 1), to: addDays(nextMonth, -1) }] : [];
  // The CĐCS of the subtree as the structure stood on the period's end, with their level and name of that day
  // (docs/architecture.md#restructuring): a CĐCS upgraded or renamed since still reads as it did.
  const end = p.add(period.end);
  const ctes = [
    `g AS (SELECT s.unit_id AS id, s.name FROM org_unit_span s JOIN org_unit o ON o.id = s.unit_id
            WHERE s.lineage @> ARRAY[${p.add(unit.id)}::uuid] AND s.valid_from <= ${end}::date AND (s.valid_to IS NULL OR s.valid_to > ${end}::date)
              AND coalesce(s.kind, o.kind) = 'GRASSROOTS')`,
  ];
  const joins: string[] = [];
  const admitted: string[] = [];
  const after: string[] = [];
  /** A tally table per union: admissions where `adm` holds (in the period), net members where `aft` holds (after the end). */
  const part = (name: string, table: string, adm: string | null, aft: string | null) => {
    if (!adm && !aft) return;
    ctes.push(`${name} AS (SELECT x.grassroots_union_id AS id,
                 ${adm ? `sum(x.admitted - x.transferred_in) FILTER (WHERE ${adm})` : '0'} AS admitted,
                 ${aft ? `sum(x.admitted - x.gone) FILTER (WHERE ${aft})` : '0'} AS after
            FROM ${table} x WHERE (${[adm, aft].filter(Boolean).join(' OR ')}) AND x.grassroots_union_id IN (SELECT id FROM g) GROUP BY x.grassroots_union_id)`);
    joins.push(`LEFT JOIN ${name} ON ${name}.id = g.id`);
    admitted.push(`coalesce(${name}.admitted, 0)`);
    after.push(`coalesce(${name}.after, 0)`);
  };
  part('my', 'member_year', years ? inRanges(p, 'x.year', [years]) : null, `x.year >= ${p.add(nextYear)}::date`);
  part('mm', 'member_month', months.length ? inRanges(p, 'x.month', months) : null, afterMonths.length ? inRanges(p, 'x.month', afterMonths) : null);
  if (days.length || tail.length) {
    const inDays = days.length ? inRanges(p, 'm.admitted_on', days) : 'false';
    const inTail = tail.length ? inRanges(p, 'm.admitted_on', tail) : 'false';
    ctes.push(`md AS (SELECT m.grassroots_union_id AS id, count(*) FILTER (WHERE ${inDays} AND m.transferred_from_id IS NULL) AS admitted, count(*) FILTER (WHERE ${inTail}) AS after
               FROM member m WHERE (${inDays} OR ${inTail}) AND m.grassroots_union_id IN (SELECT id FROM g) GROUP BY m.grassroots_union_id)`);
    joins.push('LEFT JOIN md ON md.id = g.id');
    admitted.push('coalesce(md.admitted, 0)');
    after.push('coalesce(md.after, 0)');
  }
  if (tail.length) {
    // Gone in the tail days: a member at the end, no longer one now (counted in the total's `gone`).
    ctes.push(`mg AS (SELECT m.grassroots_union_id AS id, count(*) AS gone FROM member m
               WHERE m.left_on IS NOT NULL AND greatest(m.admitted_on, m.left_on) BETWEEN ${p.add(tail[0].from)}::date AND ${p.add(tail[0].to)}::date
                 AND m.grassroots_union_id IN (SELECT id FROM g) GROUP BY m.grassroots_union_id)`);
    joins.push('LEFT JOIN mg ON mg.id = g.id');
    after.push('- coalesce(mg.gone, 0)');
  }
  return `WITH ${ctes.join(',\n')}
     SELECT g.id AS "unitId", g.name, (0 ${admitted.map((x) => `+ ${x}`).join(' ')})::int AS "membersAdmitted",
            (coalesce(t.admitted - t.gone, 0) - (0 ${after.map((x) => (x.startsWith('- ') ? x : `+ ${x}`)).join(' ')}))::int AS "membersAtEnd",
            (SELECT to_char(c.recognized_on, 'YYYY-MM-DD') FROM founding_case c WHERE c.grassroots_union_id = g.id LIMIT 1) AS "recognizedOn"
       FROM g LEFT JOIN member_total t ON t.grassroots_union_id = g.id
       ${joins.join('\n         ')}
      ORDER BY ${viOrder('g.name')}, g.id`;
}
