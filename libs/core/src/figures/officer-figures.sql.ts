import { splitIntoYears } from '@app/domain';
import { SqlParams } from '../common/sql-params';
import { CaseFigureSource } from './case-figure-source';
import { atUnitOn, inRanges, subtreeUnitsOn } from './figure-conditions.sql';
import { FigurePeriod, OfficerCaseCount, ScopeUnit } from './figure-types';
import { viOrder } from '../common/vietnamese-order';

/**
 * Per officer (byOfficer): cases, open and overdue ones from `counts`, recognitions and members admitted in the
 * period, credited like the cases to whom `source` says held the case, and the officer's targets for the year.
 */
export function officerFiguresSql(p: SqlParams, unit: ScopeUnit, period: FigurePeriod, source: CaseFigureSource, counts: OfficerCaseCount[]): string {
  const day = p.add(source.scopeDay);
  const scope = subtreeUnitsOn(p, unit, day);
  const officerCounts = p.add(
    JSON.stringify(counts.map((c) => ({ assignee_id: c.assigneeId, cases: c.cases, open_cases: c.openCases, overdue_cases: c.overdueCases }))),
  );
  const [start, end, year] = [p.add(period.start), p.add(period.end), p.add(Number(period.start.slice(0, 4)))];
  const held = source.heldBy(p);
  const { years, months, days } = splitIntoYears(period.start, period.end);
  const caseMembers =
    [
      ...(years ? [`SELECT cy.case_id, sum(cy.admitted) AS n FROM case_member_year cy WHERE ${inRanges(p, 'cy.year', [years])} GROUP BY cy.case_id`] : []),
      ...(months.length
        ? [`SELECT cm.case_id, sum(cm.admitted) AS n FROM case_member_month cm WHERE ${inRanges(p, 'cm.month', months)} GROUP BY cm.case_id`]
        : []),
      ...(days.length
        ? [`SELECT m.case_id, count(*) AS n FROM member m WHERE m.case_id IS NOT NULL AND ${inRanges(p, 'm.admitted_on', days)} GROUP BY m.case_id`]
        : []),
    ].join(' UNION ALL ') || 'SELECT NULL::uuid AS case_id, 0::bigint AS n WHERE false';
  return `WITH scope AS ${scope},
     cs AS (SELECT x.assignee_id, x.cases, x.open_cases, x.overdue_cases
              FROM jsonb_to_recordset(${officerCounts}::jsonb) AS x(assignee_id uuid, cases int, open_cases int, overdue_cases int)),
     -- Recognitions count by decision day, like newGrassrootsUnions, whatever the history says.
     rs AS (SELECT c.assignee_id, count(*)::int AS recognitions
              FROM (SELECT ${held.assignee} AS assignee_id FROM founding_case c ${held.join}
                     WHERE c.recognized_on BETWEEN ${start} AND ${end} AND c.org_unit_id IN (SELECT id FROM scope)) c
             WHERE c.assignee_id IS NOT NULL GROUP BY c.assignee_id),
     -- Members admitted on each case: whole years and months from their tallies, edge days from member.
     -- (the cases by primary key: few cases have members, a hash join would read every case)
     ms AS (SELECT c.assignee_id, sum(x.n)::int AS members FROM (${caseMembers}) x
              ${source.holder(p, 'x.case_id')}
             WHERE c.org_unit_id IN (SELECT id FROM scope) AND c.assignee_id IS NOT NULL GROUP BY c.assignee_id HAVING sum(x.n) > 0)
     SELECT u.id AS "officerId", u.full_name AS "fullName", coalesce(cs.cases, 0) AS cases, coalesce(cs.open_cases, 0) AS "openCases",
            coalesce(cs.overdue_cases, 0) AS "overdueCases", coalesce(rs.recognitions, 0) AS recognitions,
            coalesce(ms.members, 0) AS "membersAdmitted", t.new_members AS "targetMembers", t.new_grassroots_unions AS "targetGrassrootsUnions"
       FROM app_user u
       LEFT JOIN cs ON cs.assignee_id = u.id
       LEFT JOIN rs ON rs.assignee_id = u.id
       LEFT JOIN ms ON ms.assignee_id = u.id
       LEFT JOIN target t ON t.officer_id = u.id AND t.year = ${year}
      WHERE u.role IN ('OFFICER','SUPERVISOR')
        AND (${atUnitOn('USER', 'u.id', 'u.org_unit_id', '(SELECT id FROM scope)', day)} AND u.role = 'OFFICER' OR cs.cases IS NOT NULL OR rs.recognitions IS NOT NULL OR ms.members IS NOT NULL)
      ORDER BY ${viOrder('u.full_name')}, u.id`;
}
