import { EntityManager } from 'typeorm';
import { DocumentFacts, DocumentKind, IsoDate } from '@app/domain';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { dayMonthYear } from '../common/messages-vi';
import type { MeetingSnapshot } from '../review-meetings/meeting-snapshot';
import type { DocumentSource } from './document-sources';

/** SUPERVISOR and ADMIN over the unit issue its documents. */
export const managerOf = (actor: Actor, path: string) => (actor.role === Role.SUPERVISOR || actor.role === Role.ADMIN) && canSeeUnit(actor, path);

/** The plan's and the meetings' read scope: OFFICER its own unit, SUPERVISOR its subtree, ADMIN all, GRASSROOTS none. */
const mayReadUnitWork = (a: Actor, unit: { id: string; path: string }) =>
  a.role !== Role.GRASSROOTS && canSeeUnit(a, unit.path) && (a.role !== Role.OFFICER || a.orgUnitId === unit.id);

type Loader = (m: EntityManager, id: string) => Promise<DocumentSource | null>;

export const PLAN_MEETING_LOADERS: Record<DocumentKind.PLAN | DocumentKind.REVIEW_CONCLUSION, Loader> = {
  /** A plan version: only the latest is issued; its number and day become the document's (`recordNumber`). */
  async [DocumentKind.PLAN](m, id) {
    const [p] = await m.query(
      `SELECT p.year, p.version, p.title, p.number, p.typed_number,
              p.version = (SELECT max(version) FROM work_plan x WHERE x.org_unit_id = p.org_unit_id AND x.year = p.year) AS latest,
              o.id AS unit_id, o.name AS unit_name, o.path, o.kind
         FROM work_plan p JOIN org_unit o ON o.id = p.org_unit_id WHERE p.id = $1`,
      [id],
    );
    if (!p) return null;
    const unit = { id: p.unit_id, name: p.unit_name, path: p.path, kind: p.kind };
    const title = /^kế hoạch/iu.test(p.title) ? p.title : `Kế hoạch ${p.title}`;
    return {
      kind: DocumentKind.PLAN,
      id,
      unit,
      title: title.slice(0, 300),
      notBefore: null,
      fixedDay: null,
      mayRead: (a) => mayReadUnitWork(a, unit),
      mayIssue: (a) => managerOf(a, unit.path),
      notReady: p.latest ? null : `Chỉ ban hành văn bản từ phiên bản mới nhất của kế hoạch (phiên bản ${p.version} đã có phiên bản sau)`,
      record: { table: 'work_plan', dayColumn: 'issued_on', number: p.number, typedNumber: p.typed_number, what: `Kế hoạch năm ${p.year}` },
    };
  },
  /** A held review meeting, its figures frozen at holding. */
  async [DocumentKind.REVIEW_CONCLUSION](m, id) {
    const [r] = await m.query(
      `SELECT r.status, r.day, o.id AS unit_id, o.name AS unit_name, o.path, o.kind FROM review_meeting r JOIN org_unit o ON o.id = r.org_unit_id WHERE r.id = $1`,
      [id],
    );
    if (!r) return null;
    const unit = { id: r.unit_id, name: r.unit_name, path: r.path, kind: r.kind };
    return {
      kind: DocumentKind.REVIEW_CONCLUSION,
      id,
      unit,
      title: `Thông báo kết luận giao ban ngày ${dayMonthYear(r.day)} ${unit.name}`,
      notBefore: r.day,
      fixedDay: null,
      mayRead: (a) => mayReadUnitWork(a, unit),
      mayIssue: (a) => managerOf(a, unit.path),
      notReady: r.status === 'HELD' ? null : 'Chỉ lập thông báo kết luận từ cuộc giao ban đã họp (đã chốt số liệu và ghi biên bản)',
      record: null,
    };
  },
};

/** The facts of a plan version or a held meeting (its frozen snapshot: never computed again). */
export async function planMeetingFacts(m: EntityManager, kind: DocumentKind.PLAN | DocumentKind.REVIEW_CONCLUSION, id: string): Promise<DocumentFacts> {
  if (kind === DocumentKind.PLAN) {
    const [p] = await m.query(
      `SELECT p.year, p.title, p.new_members, p.new_grassroots_unions, p.coverage_percent, o.name AS unit_name,
              coalesce((SELECT json_agg(json_build_object('officerName', u.full_name, 'duty', a.duty, 'newMembers', a.new_members,
                 'newGrassrootsUnions', a.new_grassroots_unions) ORDER BY a.position)
                 FROM work_plan_assignment a JOIN app_user u ON u.id = a.officer_id WHERE a.plan_id = p.id), '[]') AS assignments
         FROM work_plan p JOIN org_unit o ON o.id = p.org_unit_id WHERE p.id = $1`,
      [id],
    );
    return {
      kind,
      facts: {
        unitName: p.unit_name,
        year: p.year,
        title: p.title,
        newMembers: p.new_members,
        newGrassrootsUnions: p.new_grassroots_unions,
        coveragePercent: p.coverage_percent === null ? null : Number(p.coverage_percent),
        assignments: p.assignments,
      },
    };
  }
  const [r] = await m.query(
    `SELECT r.day, r.title, r.minutes, r.snapshot, u.full_name AS chair_name, o.name AS unit_name
       FROM review_meeting r JOIN app_user u ON u.id = r.chair_id JOIN org_unit o ON o.id = r.org_unit_id WHERE r.id = $1`,
    [id],
  );
  const items: { what: string; assigneeName: string; dueOn: IsoDate }[] = await m.query(
    `SELECT a.what, u.full_name AS "assigneeName", a.due_on AS "dueOn" FROM review_action_item a JOIN app_user u ON u.id = a.assignee_id
      WHERE a.meeting_id = $1 ORDER BY a.position`,
    [id],
  );
  const s = r.snapshot as MeetingSnapshot;
  const progress = (p: MeetingSnapshot['newMembers']) => ({ yearToDate: p.yearToDate, target: p.target, percentOfYearTarget: p.percentOfYearTarget });
  return {
    kind,
    facts: {
      unitName: s.unit.name ?? r.unit_name,
      day: r.day,
      meetingTitle: r.title,
      chairName: r.chair_name,
      asOf: s.asOf,
      newMembers: progress(s.newMembers),
      newGrassrootsUnions: progress(s.newGrassrootsUnions),
      coverage: s.coverage,
      openCases: s.openCases,
      overdueCases: s.overdueCases,
      budgetSpent: s.budgetSpent,
      officers: s.officers.map((o) => ({
        fullName: o.fullName,
        openCases: o.openCases,
        overdueCases: o.overdueCases,
        recognitions: o.recognitions,
        membersAdmitted: o.membersAdmitted,
        targetMembers: o.targetMembers,
      })),
      minutes: r.minutes ?? '',
      actionItems: items,
    },
  };
}
