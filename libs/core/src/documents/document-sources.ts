import { EntityManager } from 'typeorm';
import { DocumentFacts, DocumentKind, IsoDate, PersonRow, periodFrom } from '@app/domain';
import { Actor, Role, canActOnCase } from '../common/actor';
import { PLAN_MEETING_LOADERS, managerOf, planMeetingFacts } from './document-sources-plans';
import { badInput, conflict, notFound } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { ReportStatus } from '../common/statuses';
import { mayReadGrassroots } from '../grassroots/grassroots-scope';
import { isUuid } from '../identity/account-errors';
import { ReportFigures } from '../reports/report-figures';
import { summaryLines } from '../reports/report-summary';
import { ReportsService } from '../reports/reports.service';
import { viOrder } from '../common/vietnamese-order';

/** What a document is made from: its issuing unit, who may read and issue it, and how its facts are loaded. */
export interface DocumentSource {
  kind: DocumentKind;
  id: string;
  /** The issuing unit: the case's upper-level union, the CĐCS of an admission, the report's unit. */
  unit: { id: string; name: string; path: string; kind: string };
  /** The title a file name is made of. */
  title: string;
  /** The earliest day the document may carry (the recognition, the admission, the period's end). */
  notBefore: IsoDate | null;
  mayRead: (actor: Actor) => boolean;
  mayIssue: (actor: Actor) => boolean;
  /** A reason the source cannot be issued from yet (not recognised, report not built), or null. */
  notReady: string | null;
  /** The only day the document may carry (an admission decision: the batch's day, its members' admission day). */
  fixedDay: IsoDate | null;
  /**
   * A record that takes the number of its document (an admission batch, a plan version): one live document at a
   * time, and the record's number (its day too, for a plan) becomes the document's at issue.
   */
  record: SourceRecord | null;
  /**
   * A source with one live document at a time but no number to take (a case's recognition decision): how a second
   * issue is refused, naming the live one (null: not known). A source with a `record` has one live document too.
   */
  secondLive?: (liveLabel: string | null) => string;
  /** The signer the record names (an admission's "Người ký"): signs where the unit's document settings name nobody. */
  signer?: string | null;
}

export interface SourceRecord {
  table: 'admission_decision' | 'work_plan';
  /** The record's day column that takes the document's day, or null when the day is fixed. */
  dayColumn: 'issued_on' | null;
  number: string;
  typedNumber: string | null;
  /** "Đợt kết nạp", "Kế hoạch năm 2026": how a refusal names it. */
  what: string;
}

const PEOPLE = `full_name AS "fullName", birth_year AS "birthYear", gender`;
// The register's order: by name, then id (the order an admission locks its people in).
const PEOPLE_ORDER = `ORDER BY ${viOrder('full_name')}, id`;

/** The source of a kind (NOT_FOUND when missing or outside the caller's read scope when `actor` is given). */
export async function loadSource(m: EntityManager, kind: DocumentKind, id: string, actor: Actor | null): Promise<DocumentSource> {
  const source = isUuid(id) ? await LOADERS[kind](m, id) : null;
  if (!source || (actor && !source.mayRead(actor))) throw notFound('document');
  return source;
}

/** Refuses a source that cannot be issued from (CONFLICT with the reason). */
export function checkReady(source: DocumentSource): void {
  if (source.notReady) throw conflict(source.notReady);
}

/** The kind as given, else BAD_USER_INPUT naming the kinds. */
export function checkedKind(kind: unknown): DocumentKind {
  const kinds = Object.values(DocumentKind) as string[];
  if (typeof kind !== 'string' || !kinds.includes(kind)) throw badInput({ kind: RULE.oneOf('kind', kinds) });
  return kind as DocumentKind;
}

const LOADERS: Record<DocumentKind, (m: EntityManager, id: string) => Promise<DocumentSource | null>> = {
  async [DocumentKind.RECOGNITION_DECISION](m, id) {
    const [c] = await m.query(
      `SELECT c.id, c.stage, c.assignee_id, c.recognized_on, o.id AS unit_id, o.name AS unit_name, o.path, o.kind, g.name AS union_name
         FROM founding_case c JOIN org_unit o ON o.id = c.org_unit_id LEFT JOIN org_unit g ON g.id = c.grassroots_union_id WHERE c.id = $1`,
      [id],
    );
    if (!c) return null;
    return {
      kind: DocumentKind.RECOGNITION_DECISION,
      id,
      unit: { id: c.unit_id, name: c.unit_name, path: c.path, kind: c.kind },
      title: `Quyết định công nhận ${c.union_name ?? 'công đoàn cơ sở'}`,
      notBefore: c.recognized_on,
      mayRead: (a) => canActOnCase(a, { assigneeId: c.assignee_id }, c.path),
      mayIssue: (a) => managerOf(a, c.path),
      notReady: c.stage === 'RECOGNIZED' ? null : 'Chỉ lập quyết định công nhận cho hồ sơ đã được công nhận (giai đoạn «Đã công nhận»)',
      fixedDay: null,
      record: null,
      secondLive: (n) => `Hồ sơ này đã có quyết định công nhận ${n ? `số ${n}` : 'còn hiệu lực'}; hủy quyết định đó trước khi tạo quyết định mới`,
    };
  },
  async [DocumentKind.ADMISSION_DECISION](m, id) {
    const [d] = await m.query(
      `SELECT d.decided_on, d.number, d.typed_number, d.signer, o.id AS unit_id, o.name AS unit_name, o.path, o.kind FROM admission_decision d JOIN org_unit o ON o.id = d.grassroots_union_id WHERE d.id = $1`,
      [id],
    );
    if (!d) return null;
    const unit = { id: d.unit_id, name: d.unit_name, path: d.path, kind: d.kind };
    return {
      kind: DocumentKind.ADMISSION_DECISION,
      id,
      unit,
      title: `Quyết định kết nạp đoàn viên ${d.unit_name}`,
      notBefore: d.decided_on,
      mayRead: (a) => mayReadGrassroots(a, unit),
      mayIssue: (a) => (a.role === Role.GRASSROOTS ? a.orgUnitId === unit.id : managerOf(a, unit.path)),
      notReady: null,
      fixedDay: d.decided_on,
      record: { table: 'admission_decision', dayColumn: null, number: d.number, typedNumber: d.typed_number, what: 'Đợt kết nạp' },
      signer: d.signer || null,
    };
  },
  async [DocumentKind.PERIOD_REPORT](m, id) {
    const [r] = await m.query(
      `SELECT r.status, r.period_kind, r.period_start, r.period_end, o.id AS unit_id, o.name AS unit_name, o.path, o.kind
         FROM report r JOIN org_unit o ON o.id = r.org_unit_id WHERE r.id = $1`,
      [id],
    );
    if (!r) return null;
    const unit = { id: r.unit_id, name: r.unit_name, path: r.path, kind: r.kind };
    return {
      kind: DocumentKind.PERIOD_REPORT,
      id,
      unit,
      title: `Báo cáo phát triển đoàn viên ${unit.name}`,
      notBefore: null,
      mayRead: (a) => ReportsService.canRead(a, unit),
      mayIssue: (a) => managerOf(a, unit.path),
      notReady: r.status === ReportStatus.READY ? null : 'Chỉ lập văn bản báo cáo từ báo cáo đã lập xong số liệu',
      fixedDay: null,
      record: null,
    };
  },
  ...PLAN_MEETING_LOADERS,
};

/** The facts of a source, as the template of its kind needs them. `texts` are what the issuer typed. */
export async function loadFacts(m: EntityManager, kind: DocumentKind, id: string, texts: Record<string, string | null | undefined>): Promise<DocumentFacts> {
  switch (kind) {
    case DocumentKind.PLAN:
    case DocumentKind.REVIEW_CONCLUSION:
      return planMeetingFacts(m, kind, id);
    case DocumentKind.RECOGNITION_DECISION: {
      const [c] = await m.query(
        `SELECT g.name AS union_name, e.name AS enterprise_name, e.address,
                (SELECT v.details FROM case_evidence v WHERE v.case_id = c.id AND v.kind = 'CONGRESS' ORDER BY v.id DESC LIMIT 1) AS congress,
                (SELECT v.occurred_on FROM case_evidence v WHERE v.case_id = c.id AND v.kind = 'CONGRESS' ORDER BY v.id DESC LIMIT 1) AS congress_on
           FROM founding_case c JOIN enterprise e ON e.id = c.enterprise_id LEFT JOIN org_unit g ON g.id = c.grassroots_union_id WHERE c.id = $1`,
        [id],
      );
      const members: PersonRow[] = await m.query(`SELECT ${PEOPLE} FROM member WHERE case_id = $1 ${PEOPLE_ORDER}`, [id]);
      const congress = (c.congress ?? {}) as { attendees?: number; executiveCommittee?: string[]; chairName?: string };
      return {
        kind,
        facts: {
          grassrootsUnionName: c.union_name ?? `Công đoàn cơ sở ${c.enterprise_name}`,
          enterpriseName: c.enterprise_name,
          enterpriseAddress: c.address,
          congressHeldOn: c.congress_on ?? null,
          congressAttendees: congress.attendees ?? null,
          committee: congress.executiveCommittee ?? [],
          chairName: congress.chairName ?? null,
          members,
        },
      };
    }
    case DocumentKind.ADMISSION_DECISION: {
      const [d] = await m.query(`SELECT o.name FROM admission_decision d JOIN org_unit o ON o.id = d.grassroots_union_id WHERE d.id = $1`, [id]);
      const members: PersonRow[] = await m.query(`SELECT ${PEOPLE} FROM member WHERE admission_decision_id = $1 ${PEOPLE_ORDER}`, [id]);
      return { kind, facts: { grassrootsUnionName: d.name, members } };
    }
    case DocumentKind.PERIOD_REPORT: {
      const [r] = await m.query(
        `SELECT r.period_kind, r.period_start, r.figures, o.name FROM report r JOIN org_unit o ON o.id = r.org_unit_id WHERE r.id = $1`,
        [id],
      );
      const figures = r.figures as ReportFigures;
      const period = periodFrom(r.period_kind, r.period_start);
      const unitName = figures.unitName ?? r.name;
      return {
        kind,
        facts: {
          unitName,
          periodLabel: figures.periodLabel,
          asOf: figures.asOf,
          figures: summaryLines({ unitName, period, figures }).map((l) => ({
            label: l.label,
            period: l.period,
            yearToDate: l.yearToDate,
            yearTarget: l.yearTarget,
            percentOfYearTarget: l.percentOfYearTarget,
          })),
          difficulties: texts.difficulties ?? '',
          proposals: texts.proposals ?? '',
        },
      };
    }
  }
}
