import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_REWARD_CONFIG, IsoDate, PeriodKind, RewardConfig, RewardOccasion, addDays } from '@app/domain';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/app-error';
import { SqlParams } from '../common/sql-params';
import { NOMINATION_STATUS_VI, NominationStatus, statusVi } from '../common/statuses';
import { CalendarService } from '../calendar/calendar.service';
import { optionalText } from '../common/text-input';
import { FiguresService, ScopeUnit } from '../figures/figures.service';
import { OrgUnitsService } from '../identity/org-units.service';
import { GrassrootsResults, NominationDraft, OfficerResults, draftNominations } from './reward-drafts';
import { OccasionPeriod, isRewardOccasion, occasionOfPeriod, occasionPeriodOf } from './reward-occasions';
import { viOrder } from '../common/vietnamese-order';

/** Advisory-lock class of reward work (two-key form: its key space is apart from the one-key locks). */
export const REWARD_LOCK_CLASS = 724_010;

/** A nomination as stored: its draft (rule, nominee, score, basis, figures), where and when, and its decision. */
export interface NominationView extends NominationDraft {
  id: string;
  orgUnitId: string;
  occasion: RewardOccasion;
  periodKind: PeriodKind;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  status: NominationStatus;
  decidedById: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  evaluatedAt: Date;
}

const VIEW = `n.id, n.org_unit_id AS "orgUnitId", n.occasion, n.period_kind AS "periodKind", n.period_start AS "periodStart",
  n.period_end AS "periodEnd", n.rule, n.officer_id AS "officerId", n.grassroots_union_id AS "grassrootsUnionId", n.nominee, n.score,
  n.basis, n.figures, n.status, n.decided_by AS "decidedById", n.decided_at AS "decidedAt", n.decision_note AS "decisionNote",
  n.evaluated_at AS "evaluatedAt"`;
export interface NominationDecisionView {
  nominationId: string;
  fromStatus: NominationStatus | null;
  toStatus: NominationStatus;
  byUserId: string;
  at: Date;
  note: string | null;
}

const ORDER = `ORDER BY n.period_start DESC, n.org_unit_id, n.rule, n.score DESC, n.nominee, n.id`;
const LIST_LIMIT = 2000;
/** The columns of a draft inside SQL (drafts travel as one jsonb array: one statement per evaluation). */
const DRAFT_RECORD = `(rule varchar, officer_id uuid, grassroots_union_id uuid, nominee varchar, score float8, basis text, figures jsonb)`;

/**
 * Reward evaluations and decisions. An evaluation runs the rules over SQL aggregates of a unit's
 * subtree and upserts one nomination per unit, occasion, period, rule and nominee (unique key):
 * PROPOSED ones follow the figures, decided ones never change, stale PROPOSED ones are removed.
 */
@Injectable()
export class RewardsService {
  private readonly cfg: RewardConfig = DEFAULT_REWARD_CONFIG;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: FiguresService,
    private readonly orgUnits: OrgUnitsService,
    private readonly calendar: CalendarService,
  ) {}

  /** `evaluateRewards`: the occasion the period names, evaluated now for a unit in the caller's scope. */
  async evaluate(actor: Actor, orgUnitId: string, periodKind: PeriodKind, periodStart: IsoDate): Promise<NominationView[]> {
    if (actor.role === Role.OFFICER) throw forbidden('Cán bộ không chạy xét khen thưởng');
    const occasion = occasionOfPeriod(periodKind, periodStart);
    if (!occasion) {
      throw badInput({
        periodStart:
          'Kỳ không ứng với đợt khen thưởng nào: năm từ 1/1 (tổng kết năm), tháng từ 1/5 (Tháng Công nhân) hoặc năm từ 1/8 (kỷ niệm ngày thành lập năm sau)',
      });
    }
    const unit = await this.orgUnits.getVisible(actor, orgUnitId);
    return this.evaluateUnit(unit, occasion);
  }

  /** The scheduled evaluation of one unit (worker job); a unit gone or dissolved is skipped. */
  async evaluateScheduled(orgUnitId: string, occasion: string, year: number): Promise<NominationView[]> {
    if (!isRewardOccasion(occasion)) throw new Error(`Unknown reward occasion ${occasion}`);
    const [unit] = await this.db.query(`SELECT id, path FROM org_unit WHERE id = $1 AND dissolved_at IS NULL`, [orgUnitId]);
    if (!unit) return [];
    return this.evaluateUnit(unit, occasionPeriodOf(occasion, year));
  }

  /**
   * A period still running is evaluated provisionally (figures as of today, said so in the basis) so a
   * supervisor can see where things stand; re-running after the end updates what is still PROPOSED.
   */
  async evaluateUnit(unit: ScopeUnit, o: OccasionPeriod, today: IsoDate = this.calendar.today()): Promise<NominationView[]> {
    if (o.start > today) throw badInput({ periodStart: 'Kỳ khen thưởng chưa bắt đầu' });
    const provisionalAsOf = o.end >= today ? today : null;
    return this.db.transaction(async (m) => {
      // Two evaluations of the same unit and period (a duplicate job, a click) run one after the other.
      await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [REWARD_LOCK_CLASS, `${unit.id}|${o.occasion}|${o.start}`]);
      const officers = await this.officerResults(m, unit, o);
      const unions = await this.grassrootsResults(m, unit, o);
      const drafts = draftNominations({ start: o.start, end: o.end, targetYear: Number(o.end.slice(0, 4)), provisionalAsOf }, officers, unions, this.cfg);
      await this.write(m, unit.id, o, drafts);
      return m.query(`SELECT ${VIEW} FROM reward_nomination n WHERE n.org_unit_id = $1 AND n.occasion = $2 AND n.period_start = $3 ${ORDER}`, [
        unit.id,
        o.occasion,
        o.start,
      ]);
    });
  }

  /**
   * Per user who is the assignee of a case in the subtree, or an officer in it: members admitted in the
   * period on its cases, CĐCS recognised in the period from its cases, and its targets for the year the
   * period ends in (the anniversary period spans two years and is judged against the second).
   */
  private async officerResults(m: EntityManager, unit: ScopeUnit, o: OccasionPeriod): Promise<OfficerResults[]> {
    return m.query(
      `WITH scope AS (SELECT s.unit_id AS id FROM org_unit_span s
                  WHERE s.lineage @> ARRAY[$1::uuid] AND s.valid_from <= $3::date AND (s.valid_to IS NULL OR s.valid_to > $3::date)),
       rc AS (SELECT c.assignee_id AS id, count(*)::int AS n FROM founding_case c
               WHERE c.org_unit_id IN (SELECT id FROM scope) AND c.assignee_id IS NOT NULL AND c.recognized_on BETWEEN $2 AND $3
               GROUP BY c.assignee_id),
       ms AS (SELECT c.assignee_id AS id, count(*)::int AS n FROM member m JOIN founding_case c ON c.id = m.case_id
               WHERE m.admitted_on BETWEEN $2 AND $3 AND c.org_unit_id IN (SELECT id FROM scope) AND c.assignee_id IS NOT NULL
               GROUP BY c.assignee_id)
       SELECT u.id AS "officerId", u.full_name AS "fullName", coalesce(ms.n, 0) AS "membersAdmitted", coalesce(rc.n, 0) AS "cdcsFounded",
              t.new_members AS "targetMembers", t.new_grassroots_unions AS "targetCdcs"
         FROM app_user u
         LEFT JOIN rc ON rc.id = u.id
         LEFT JOIN ms ON ms.id = u.id
         LEFT JOIN target t ON t.officer_id = u.id AND t.year = $4
        WHERE u.role IN ('OFFICER','SUPERVISOR')
          AND (rc.id IS NOT NULL OR ms.id IS NOT NULL OR (u.role = 'OFFICER' AND u.org_unit_id IN (SELECT id FROM scope)))
        ORDER BY ${viOrder('u.full_name')}, u.id`,
      [unit.id, o.start, o.end, Number(o.end.slice(0, 4))],
    );
  }

  /** Per CĐCS of the subtree, from the report figures (so rewards and reports agree); members at start = at the eve's end. */
  private async grassrootsResults(m: EntityManager, unit: ScopeUnit, o: OccasionPeriod): Promise<GrassrootsResults[]> {
    const inPeriod = await this.figures.byGrassroots(m, unit, { start: o.start, end: o.end });
    const atEve = await this.figures.byGrassroots(m, unit, { start: o.start, end: addDays(o.start, -1) });
    const atStart = new Map(atEve.map((g) => [g.unitId, g.membersAtEnd]));
    return inPeriod.map((g) => ({
      unitId: g.unitId,
      name: g.name,
      membersAtStart: atStart.get(g.unitId) ?? 0,
      membersAdmitted: g.membersAdmitted,
      membersAtEnd: g.membersAtEnd,
      recognizedOn: g.recognizedOn,
    }));
  }

  /** Upserts the drafts (PROPOSED rows only follow) and removes PROPOSED rows that no longer qualify. */
  private async write(m: EntityManager, unitId: string, o: OccasionPeriod, drafts: NominationDraft[]): Promise<void> {
    const rows = JSON.stringify(
      drafts.map((d) => ({
        rule: d.rule,
        officer_id: d.officerId,
        grassroots_union_id: d.grassrootsUnionId,
        nominee: d.nominee,
        score: d.score,
        basis: d.basis,
        figures: d.figures,
      })),
    );
    await m.query(
      `INSERT INTO reward_nomination (org_unit_id, occasion, period_kind, period_start, period_end, rule, officer_id, grassroots_union_id,
                                      nominee, score, basis, figures, evaluated_at)
       SELECT $1, $2, $3, $4, $5, d.rule, d.officer_id, d.grassroots_union_id, d.nominee, d.score, d.basis, d.figures, now()
         FROM jsonb_to_recordset($6::jsonb) AS d${DRAFT_RECORD}
       ON CONFLICT (org_unit_id, occasion, period_start, rule, officer_id, grassroots_union_id) DO UPDATE
          SET nominee = EXCLUDED.nominee, score = EXCLUDED.score, basis = EXCLUDED.basis, figures = EXCLUDED.figures,
              period_end = EXCLUDED.period_end, evaluated_at = now()
        WHERE reward_nomination.status = 'PROPOSED'`,
      [unitId, o.occasion, o.periodKind, o.start, o.end, rows],
    );
    await m.query(
      `DELETE FROM reward_nomination n
        WHERE n.org_unit_id = $1 AND n.occasion = $2 AND n.period_start = $3 AND n.status = 'PROPOSED'
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS d${DRAFT_RECORD}
                           WHERE d.rule = n.rule AND d.officer_id IS NOT DISTINCT FROM n.officer_id
                             AND d.grassroots_union_id IS NOT DISTINCT FROM n.grassroots_union_id)`,
      [unitId, o.occasion, o.start, rows],
    );
  }

  /**
   * `rewardNominations`: of one unit (in the caller's scope) or of the whole scope: the subtree for a
   * supervisor, everything for an admin, the own unit for an officer.
   */
  async list(actor: Actor, orgUnitId?: string | null, periodStart?: IsoDate | null): Promise<NominationView[]> {
    const p = new SqlParams();
    const where: string[] = [];
    if (orgUnitId) {
      const unit = await this.orgUnits.getVisible(actor, orgUnitId);
      if (actor.role === Role.OFFICER && unit.id !== actor.orgUnitId) throw forbidden('Cán bộ chỉ xem đề xuất khen thưởng của đơn vị mình');
      where.push(`n.org_unit_id = ${p.add(unit.id)}`);
    } else if (actor.role === Role.OFFICER) {
      where.push(`n.org_unit_id = ${p.add(actor.orgUnitId)}`);
    } else if (actor.role === Role.SUPERVISOR) {
      where.push(`n.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(actor.orgPath)} OR path LIKE ${p.add(subtreeLike(actor.orgPath))})`);
    }
    if (periodStart) where.push(`n.period_start = ${p.add(periodStart)}`);
    return this.db.query(
      `SELECT ${VIEW} FROM reward_nomination n ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER} LIMIT ${LIST_LIMIT}`,
      p.values,
    );
  }

  /**
   * `decideNomination`: a supervisor of the nominating unit's subtree, or an admin, approves or rejects a
   * PROPOSED nomination once; never its own. Who, when and why go on the row and into its history.
   */
  async decide(actor: Actor, id: string, approve: boolean, note?: string | null): Promise<NominationView> {
    if (actor.role === Role.OFFICER) throw forbidden('Cán bộ không duyệt đề xuất khen thưởng');
    const text = optionalText('note', note);
    return this.db.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT n.status, n.officer_id, o.path FROM reward_nomination n JOIN org_unit o ON o.id = n.org_unit_id WHERE n.id = $1 FOR UPDATE OF n`,
        [id],
      );
      if (!row || !canSeeUnit(actor, row.path)) throw notFound('nomination');
      if (row.officer_id === actor.userId) throw forbidden('Không ai được tự duyệt đề xuất khen thưởng của chính mình');
      if (row.status !== NominationStatus.PROPOSED)
        throw conflict(`Đề xuất khen thưởng ${statusVi(NOMINATION_STATUS_VI, row.status)}, không duyệt lại được`, { status: row.status });
      const to = approve ? NominationStatus.APPROVED : NominationStatus.REJECTED;
      await m.query(`UPDATE reward_nomination SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1 AND status = 'PROPOSED'`, [
        id,
        to,
        actor.userId,
        text,
      ]);
      await m.query(`INSERT INTO reward_nomination_event (nomination_id, from_status, to_status, by_user_id, note) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        row.status,
        to,
        actor.userId,
        text,
      ]);
      const [view] = await m.query(`SELECT ${VIEW} FROM reward_nomination n WHERE n.id = $1`, [id]);
      return view;
    });
  }

  /** The decisions on each nomination, oldest first (for ids the caller already got from `list`/`decide`). */
  async decisionsOf(nominationIds: readonly string[]): Promise<NominationDecisionView[]> {
    return this.db.query(
      `SELECT nomination_id AS "nominationId", from_status AS "fromStatus", to_status AS "toStatus", by_user_id AS "byUserId", at, note
         FROM reward_nomination_event WHERE nomination_id = ANY($1::uuid[]) ORDER BY at, id`,
      [nominationIds],
    );
  }
}
