import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CaseEvidenceEntity, CaseTransitionEntity, FoundingCaseEntity, ReadDb } from '@app/persistence';
import { Actor, Role, canActOnCase, canSeeUnit, subtreeLike } from '../common/actor';
import { notFound } from '../common/app-error';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { OPEN_STAGES_SQL, overdueCaseSql } from '../common/open-stages.sql';
import { SqlParams } from '../common/sql-params';
import { CalendarService } from '../calendar/calendar.service';
import { RegisterProblems } from '../enterprises/enterprise-input';
import { MAX_PLACE, MAX_SEARCH, enterpriseSearchSql, foldedContainsSql } from '../enterprises/enterprise-search.sql';

export interface CaseFilter {
  stage?: string | null;
  assigneeId?: string | null;
  orgUnitId?: string | null;
  overdue?: boolean | null;
  /** The enterprise's name (also without diacritics) or the start of its tax code, as the register's search. */
  search?: string | null;
  /** Part of the enterprise's district, compared folded ("thai binh" finds "Thành phố Thái Bình"). */
  district?: string | null;
}

/** The filter's enterprise fields (search, district) as one condition on the case's enterprise; bad ones are BAD_USER_INPUT. */
function enterpriseConditions(p: SqlParams, filter: CaseFilter): string | null {
  const problems = new RegisterProblems();
  const search = problems.optionalText('search', filter.search, MAX_SEARCH);
  const district = problems.optionalText('district', filter.district, MAX_PLACE);
  problems.throwIfAny();
  const on: string[] = [];
  if (search) on.push(enterpriseSearchSql(p, search));
  if (district) on.push(foldedContainsSql(p, 'e.district', district));
  return on.length ? `c.enterprise_id IN (SELECT e.id FROM enterprise e WHERE ${on.join(' AND ')})` : null;
}

/** Reads of founding cases, always inside the caller's scope. */
@Injectable()
export class CaseQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly reads: ReadDb,
  ) {}

  /** SQL predicate (on alias c) limiting cases to what the caller may see. */
  scopeSql(actor: Actor, p: SqlParams): string | null {
    if (actor.role === Role.ADMIN) return null;
    if (actor.role === Role.OFFICER) return `c.assignee_id = ${p.add(actor.userId)}`;
    return `c.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(actor.orgPath)} OR path LIKE ${p.add(subtreeLike(actor.orgPath))})`;
  }

  async get(actor: Actor, id: string): Promise<FoundingCaseEntity | null> {
    const [row] = await this.db.query(`SELECT c.assignee_id, o.path FROM founding_case c JOIN org_unit o ON o.id = c.org_unit_id WHERE c.id = $1`, [id]);
    if (!row || !canActOnCase(actor, { assigneeId: row.assignee_id }, row.path)) return null;
    return this.db.getRepository(FoundingCaseEntity).findOneBy({ id });
  }

  /** The board's list: it may lag a few seconds, so it reads through ReadDb (docs/architecture.md#read-replica). */
  list(actor: Actor, filter: CaseFilter = {}, first?: number | null, after?: string | null): Promise<Page<FoundingCaseEntity>> {
    return this.reads.read(actor.userId, (db) => this.listOn(db, actor, filter, first, after));
  }

  private async listOn(db: DataSource, actor: Actor, filter: CaseFilter, first?: number | null, after?: string | null): Promise<Page<FoundingCaseEntity>> {
    const limit = checkFirst(first);
    const cursor = decodeCursor(after, 2);
    const p = new SqlParams();
    const where: string[] = [];
    const scope = this.scopeSql(actor, p);
    if (scope) where.push(scope);
    const enterprise = enterpriseConditions(p, filter);
    if (enterprise) where.push(enterprise);
    if (filter.stage) where.push(`c.stage = ${p.add(filter.stage)}`);
    if (filter.assigneeId) where.push(`c.assignee_id = ${p.add(filter.assigneeId)}`);
    if (filter.orgUnitId) {
      const [u] = await db.query(`SELECT path FROM org_unit WHERE id = $1`, [filter.orgUnitId]);
      if (!u || !canSeeUnit(actor, u.path)) throw notFound('orgUnit');
      where.push(`c.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(u.path)} OR path LIKE ${p.add(subtreeLike(u.path))})`);
    }
    if (filter.overdue !== null && filter.overdue !== undefined) {
      // Same rule as the escalation sweep's BREACH: past the due day while still in the stage.
      const overdue = overdueCaseSql('c', p.add(this.calendar.today()));
      where.push(filter.overdue ? overdue : `NOT ${overdue}`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...p.values];
    const pageWhere = cursor
      ? `${whereSql ? `${whereSql} AND` : 'WHERE'} (c.opened_at, c.id) < (${p.add(cursor[0])}::timestamptz, ${p.add(cursor[1])}::uuid)`
      : whereSql;
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT c.id, to_char(c.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS k FROM founding_case c ${pageWhere}
       ORDER BY c.opened_at DESC, c.id DESC LIMIT ${limit + 1}`,
      p.values,
    );
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM founding_case c ${whereSql}`, countParams);
    const pageRows = rows.slice(0, limit);
    const found = pageRows.length ? await db.getRepository(FoundingCaseEntity).findBy({ id: In(pageRows.map((r) => r.id as string)) }) : [];
    const byId = new Map(found.map((c) => [c.id, c]));
    const last = pageRows[pageRows.length - 1];
    return {
      nodes: pageRows.map((r) => byId.get(r.id as string)!),
      totalCount: n,
      pageInfo: { endCursor: last ? encodeCursor([last.k, last.id]) : null, hasNextPage: rows.length > limit },
    };
  }

  /** Unscoped batch load, for fields of objects the caller was already allowed to see. */
  findByIds(ids: readonly string[]): Promise<FoundingCaseEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.getRepository(FoundingCaseEntity).findBy({ id: In([...ids]) });
  }

  historyOf(caseIds: readonly string[]): Promise<CaseTransitionEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.db.getRepository(CaseTransitionEntity).find({ where: { caseId: In([...caseIds]) }, order: { version: 'ASC' } });
  }

  evidenceOf(caseIds: readonly string[]): Promise<CaseEvidenceEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.db.getRepository(CaseEvidenceEntity).find({ where: { caseId: In([...caseIds]) }, order: { id: 'ASC' } });
  }

  /** Every case of the enterprises, past and present, newest first, filtered by what the caller may see. */
  async casesOf(actor: Actor, enterpriseIds: readonly string[]): Promise<FoundingCaseEntity[]> {
    if (!enterpriseIds.length) return [];
    const p = new SqlParams();
    const where = [`c.enterprise_id = ANY(${p.add([...enterpriseIds])}::uuid[])`];
    const scope = this.scopeSql(actor, p);
    if (scope) where.push(scope);
    const rows: { id: string }[] = await this.db.query(`SELECT c.id FROM founding_case c WHERE ${where.join(' AND ')}`, p.values);
    if (!rows.length) return [];
    return this.db.getRepository(FoundingCaseEntity).find({ where: { id: In(rows.map((r) => r.id)) }, order: { openedAt: 'DESC', id: 'DESC' } });
  }

  /** Open cases of the enterprises (at most one each), filtered by what the caller may see. */
  async openCasesOf(actor: Actor, enterpriseIds: readonly string[]): Promise<FoundingCaseEntity[]> {
    if (!enterpriseIds.length) return [];
    const p = new SqlParams();
    const where = [`c.enterprise_id = ANY(${p.add([...enterpriseIds])}::uuid[])`, `c.stage IN ${OPEN_STAGES_SQL}`];
    const scope = this.scopeSql(actor, p);
    if (scope) where.push(scope);
    const rows: { id: string }[] = await this.db.query(`SELECT c.id FROM founding_case c WHERE ${where.join(' AND ')}`, p.values);
    return rows.length ? this.db.getRepository(FoundingCaseEntity).findBy({ id: In(rows.map((r) => r.id)) }) : [];
  }
}
