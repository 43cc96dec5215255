import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FundingType, IsoDate, Ownership } from '@app/domain';
import { EnterpriseEntity, EnterpriseFundingTypeEntity, EnterpriseWorkerCountEntity } from '@app/persistence';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { AppError, ErrorCode, forbidden } from '../common/app-error';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { Page } from '../common/pagination';
import { isUniqueViolation } from '../common/pg-errors';
import { CalendarService } from '../calendar/calendar.service';
import { RegisterProblems, WorkerCountSource, dayMonthYear, duplicateTaxCode, enterpriseNotFound, unitNotFound } from './enterprise-input';
import { EnterpriseFilter, afterCursorSql, cursorColumnsSql, cursorOf, orderBySql, pageArgs, registerQuery } from './enterprise-list';
import { MAX_PLACE } from './enterprise-search.sql';
import { isNewCount, writeWorkerCount } from './worker-count-history';
import { fundingInput, fundingWriter, insertEnterprise } from './enterprise-funding';
import { ENTERPRISE_COLUMNS, columnList, enterpriseFromRaw } from './enterprise-row';
import { RawRow } from '../common/prepared-sql';

export { type EnterpriseFilter, filterFromQuery } from './enterprise-list';
export { EnterpriseCaseStatus, EnterpriseSort, RegisterProblems, WorkerCountSource } from './enterprise-input';

export interface CreateEnterprise {
  name: string;
  taxCode: string;
  address?: string | null;
  district?: string | null;
  sector?: string | null;
  ownership?: Ownership | null;
  workerCount: number;
  /** The day the workers were counted (default: not given; the history row is dated today). */
  workerCountOn?: IsoDate | null;
  hasUnion: boolean;
  orgUnitId: string;
  /** How the employer is financed, holding from `fundingTypeFrom` (default today; on update not before the current one's day). */
  fundingType?: FundingType | null;
  fundingTypeFrom?: IsoDate | null;
}

/** Only the fields given change; null clears an optional field and leaves a required one as it is. */
export interface UpdateEnterprise {
  id: string;
  name?: string | null;
  taxCode?: string | null;
  address?: string | null;
  district?: string | null;
  sector?: string | null;
  ownership?: Ownership | null;
  hasUnion?: boolean | null;
  workerCount?: number | null;
  /** The day the count was taken (default today); only with `workerCount`. */
  workerCountOn?: IsoDate | null;
  fundingType?: FundingType | null;
  fundingTypeFrom?: IsoDate | null;
}

export interface CloseEnterprise {
  id: string;
  closedOn: IsoDate;
  note?: string | null;
}

const MAX_NAME = 255;
const MAX_ADDRESS = 500;

/**
 * The enterprise register (sổ doanh nghiệp): the enterprises an upper-level union follows, their worker
 * counts over time (enterprise_worker_count) and whether they still operate (closed_on; a closed enterprise
 * is out of coverage from its closing day, and takes no founding case).
 * Scope: an officer its unit's enterprises, a supervisor its subtree's, an admin all; anything else is
 * NOT_FOUND. Messages are Vietnamese; a bad input names every bad field at once.
 */
@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  findByIds(ids: readonly string[]): Promise<EnterpriseEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.getRepository(EnterpriseEntity).findBy({ id: In([...ids]) });
  }

  /** Worker counts of the enterprises, newest first (unscoped: for enterprises the caller was allowed to see). */
  workerCountsOf(enterpriseIds: readonly string[]): Promise<EnterpriseWorkerCountEntity[]> {
    if (!enterpriseIds.length) return Promise.resolve([]);
    return this.db.getRepository(EnterpriseWorkerCountEntity).find({ where: { enterpriseId: In([...enterpriseIds]) }, order: { id: 'DESC' } });
  }

  /** Funding types of the enterprises, latest day first (unscoped: for enterprises the caller was allowed to see). */
  fundingTypesOf(enterpriseIds: readonly string[]): Promise<EnterpriseFundingTypeEntity[]> {
    if (!enterpriseIds.length) return Promise.resolve([]);
    const repo = this.db.getRepository(EnterpriseFundingTypeEntity);
    return repo.find({ where: { enterpriseId: In([...enterpriseIds]) }, order: { validFrom: 'DESC', id: 'DESC' } });
  }

  async create(actor: Actor, input: CreateEnterprise): Promise<EnterpriseEntity> {
    const today = this.calendar.today();
    const problems = new RegisterProblems();
    const name = problems.requiredText('name', input.name, MAX_NAME);
    const taxCode = problems.taxCode('taxCode', input.taxCode);
    const workerCount = problems.workerCount('workerCount', input.workerCount);
    const workerCountOn =
      input.workerCountOn === null || input.workerCountOn === undefined ? null : problems.pastDay('workerCountOn', input.workerCountOn, today);
    const address = problems.optionalText('address', input.address, MAX_ADDRESS) ?? null;
    const district = problems.optionalText('district', input.district, MAX_PLACE) ?? null;
    const sector = problems.optionalText('sector', input.sector, MAX_PLACE) ?? null;
    const ownership = problems.ownership('ownership', input.ownership) ?? null;
    const funding = fundingInput(problems, input, today, null);
    problems.throwIfAny();
    const [unit] = await this.db.query(`SELECT id, kind, path FROM org_unit WHERE id = $1`, [input.orgUnitId]);
    if (!unit || !canSeeUnit(actor, unit.path)) throw unitNotFound();
    if (actor.role === Role.OFFICER && unit.id !== actor.orgUnitId) throw forbidden('Cán bộ chỉ ghi doanh nghiệp vào sổ của đơn vị mình');
    if (unit.kind !== 'UPPER_LEVEL' && unit.kind !== 'FEDERATION') {
      new RegisterProblems().add('orgUnitId', 'Sổ doanh nghiệp thuộc công đoàn cấp trên hoặc liên đoàn lao động, không thuộc công đoàn cơ sở').throwIfAny();
    }
    try {
      const raw = await insertEnterprise(this.db, actor, today, {
        name,
        taxCode,
        address,
        district,
        sector,
        ownership,
        workerCount,
        workerCountOn,
        hasUnion: input.hasUnion,
        orgUnitId: unit.id,
        funding,
      });
      return enterpriseFromRaw(raw);
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_enterprise_tax_code')) throw duplicateTaxCode(taxCode);
      throw e;
    }
  }

  async list(actor: Actor, filter: EnterpriseFilter = {}, first?: number | null, after?: string | null): Promise<Page<EnterpriseEntity>> {
    const problems = new RegisterProblems();
    const q = await registerQuery(this.db.manager, actor, filter, problems);
    const { limit, cursor } = pageArgs(problems, q.sort, first, after);
    problems.throwIfAny();
    const whereSql = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
    const countParams = [...q.p.values];
    const pageWhere = cursor ? `WHERE ${[...q.where, afterCursorSql(q.p, q.sort, cursor)].join(' AND ')}` : whereSql;
    const [rows, [{ n }]] = await Promise.all([
      this.db.query<Record<string, unknown>[]>(
        `SELECT e.id, ${cursorColumnsSql(q.sort)} FROM enterprise e ${pageWhere} ORDER BY ${orderBySql(q.sort)} LIMIT ${limit + 1}`,
        q.p.values,
      ),
      this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM enterprise e ${whereSql}`, countParams),
    ]);
    const pageRows = rows.slice(0, limit);
    const found = await this.findByIds(pageRows.map((r) => r.id as string));
    const byId = new Map(found.map((e) => [e.id, e]));
    const last = pageRows[pageRows.length - 1];
    return {
      nodes: pageRows.map((r) => byId.get(r.id as string)!),
      totalCount: n,
      pageInfo: { endCursor: last ? cursorOf(q.sort, last) : null, hasNextPage: rows.length > limit },
    };
  }

  /** The visible enterprise, else NOT_FOUND. */
  async getVisible(actor: Actor, id: string): Promise<EnterpriseEntity> {
    const [row] = await this.db.query(`SELECT ${columnList('e')}, o.path FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.id = $1`, [id]);
    if (!row || !visible(actor, row)) throw enterpriseNotFound();
    return enterpriseFromRaw(row);
  }

  /**
   * Changes the fields given (one UPDATE of the columns that change, so a concurrent edit of other fields is
   * kept). A new worker count is recorded in the enterprise's history (MANUAL) in the same statement.
   */
  async update(actor: Actor, input: UpdateEnterprise): Promise<EnterpriseEntity> {
    const today = this.calendar.today();
    const problems = new RegisterProblems();
    const given: Record<string, unknown> = {};
    if (input.name !== null && input.name !== undefined) given.name = problems.requiredText('name', input.name, MAX_NAME);
    if (input.taxCode !== null && input.taxCode !== undefined) given.tax_code = problems.taxCode('taxCode', input.taxCode);
    for (const [field, max] of [
      ['address', MAX_ADDRESS],
      ['district', MAX_PLACE],
      ['sector', MAX_PLACE],
    ] as const) {
      const v = problems.optionalText(field, input[field], max);
      if (v !== undefined) given[field] = v;
    }
    if (input.ownership !== undefined) {
      const v = problems.ownership('ownership', input.ownership);
      if (v !== undefined) given.ownership = v;
    }
    if (input.hasUnion !== null && input.hasUnion !== undefined) given.has_union = input.hasUnion;
    const hasCount = input.workerCount !== null && input.workerCount !== undefined;
    if (hasCount) problems.workerCount('workerCount', input.workerCount!);
    const countedOn = input.workerCountOn === null || input.workerCountOn === undefined ? null : problems.pastDay('workerCountOn', input.workerCountOn, today);
    if (countedOn !== null && !hasCount) problems.add('workerCountOn', 'Ngày đếm lao động chỉ ghi cùng với số lao động');
    problems.throwIfAny();

    try {
      return await this.db.transaction(async (m) => {
        const row = await this.lockVisible(m, actor, input.id);
        const funding = fundingInput(problems, input, today, row.funding_type_from);
        problems.throwIfAny();
        // A funding type given again with its day is recorded again (its history row by the trigger).
        if (funding) {
          Object.assign(given, funding);
          await fundingWriter(m, actor);
        }
        // Only the columns whose value changes.
        const set = Object.fromEntries(Object.entries(given).filter(([col, v]) => row[col] !== v || (funding && col.startsWith('funding_'))));
        if (hasCount && isNewCount({ workerCount: row.worker_count, countedOn: row.surveyed_on }, input.workerCount!, countedOn)) {
          const entry = {
            enterpriseId: row.id,
            workerCount: input.workerCount!,
            countedOn: countedOn ?? today,
            source: WorkerCountSource.MANUAL,
            note: null,
            recordedBy: actor.userId,
          };
          return enterpriseFromRaw(await writeWorkerCount(m, entry, set, ENTERPRISE_COLUMNS.join(', ')));
        }
        if (!Object.keys(set).length) return enterpriseFromRaw(row);
        return enterpriseFromRaw(await this.updateColumns(m, row.id, set));
      });
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_enterprise_tax_code')) throw duplicateTaxCode(given.tax_code as string);
      throw e;
    }
  }

  /**
   * The enterprise ceased operating on `closedOn` (today or earlier): from that day it is out of coverage.
   * Refused while it has an open founding case (close the case first, reason ENTERPRISE_DISSOLVED).
   */
  async close(actor: Actor, input: CloseEnterprise): Promise<EnterpriseEntity> {
    const problems = new RegisterProblems();
    const closedOn = problems.pastDay('closedOn', input.closedOn, this.calendar.today());
    const note = problems.note('note', input.note);
    problems.throwIfAny();
    return this.db.transaction(async (m) => {
      // The row lock first: an opening (or reopening) of a case holds the row FOR SHARE, so the check below
      // sees every case opened before, and no case opens after it until this commits.
      const row = await this.lockVisible(m, actor, input.id);
      if (row.closed_on) {
        throw new AppError(ErrorCode.CONFLICT, `Doanh nghiệp đã ngừng hoạt động từ ngày ${dayMonthYear(row.closed_on)}`, { reason: 'ALREADY_CLOSED' });
      }
      const [open] = await m.query(`SELECT id FROM founding_case WHERE enterprise_id = $1 AND stage IN ${OPEN_STAGES_SQL}`, [row.id]);
      if (open) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'Doanh nghiệp đang có hồ sơ thành lập CĐCS chưa kết thúc. Hãy đóng hồ sơ trước với lý do “Doanh nghiệp giải thể”, rồi ghi doanh nghiệp ngừng hoạt động.',
          { reason: 'OPEN_CASE', openCaseId: open.id },
        );
      }
      return enterpriseFromRaw(await this.updateColumns(m, row.id, { closed_on: closedOn, closed_note: note }));
    });
  }

  /** The enterprise operates again: back in coverage, and cases may be opened on it. */
  async reopen(actor: Actor, id: string): Promise<EnterpriseEntity> {
    return this.db.transaction(async (m) => {
      const row = await this.lockVisible(m, actor, id);
      if (!row.closed_on) throw new AppError(ErrorCode.CONFLICT, 'Doanh nghiệp đang hoạt động, không cần mở lại', { reason: 'NOT_CLOSED' });
      return enterpriseFromRaw(await this.updateColumns(m, row.id, { closed_on: null, closed_note: null }));
    });
  }

  /** The enterprise's row locked for a write (FOR NO KEY UPDATE), if the caller may act on it; else NOT_FOUND. */
  private async lockVisible(m: EntityManager, actor: Actor, id: string): Promise<RawRow> {
    const [row] = await m.query(
      `SELECT ${columnList('e')}, o.path FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.id = $1 FOR NO KEY UPDATE OF e`,
      [id],
    );
    if (!row || !visible(actor, row)) throw enterpriseNotFound();
    return row;
  }

  /** One UPDATE of these columns (names are this service's, never user input) and updated_at. */
  private async updateColumns(m: EntityManager, id: string, set: Record<string, unknown>): Promise<RawRow> {
    const values: unknown[] = [id];
    const sets = Object.entries(set).map(([col, v]) => {
      values.push(v);
      return `"${col}" = $${values.length}`;
    });
    // (as a SELECT: TypeORM answers a bare UPDATE with [rows, count])
    const [row] = await m.query(
      `WITH u AS (UPDATE enterprise SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 RETURNING ${ENTERPRISE_COLUMNS.join(', ')}) SELECT * FROM u`,
      values,
    );
    return row;
  }
}

/** Officers act on their unit's enterprises, supervisors on their subtree's, admins on all. */
function visible(actor: Actor, row: { org_unit_id: string; path: string }): boolean {
  return canSeeUnit(actor, row.path) && (actor.role !== Role.OFFICER || row.org_unit_id === actor.orgUnitId);
}
