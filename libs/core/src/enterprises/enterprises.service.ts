import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Ownership } from '@app/domain';
import { EnterpriseEntity } from '@app/persistence';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { badInput, conflict, forbidden, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/pg-errors';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { optionalText, requiredText } from '../common/text-input';

export interface CreateEnterprise {
  name: string;
  taxCode: string;
  address?: string | null;
  district?: string | null;
  sector?: string | null;
  ownership?: Ownership | null;
  workerCount: number;
  hasUnion: boolean;
  orgUnitId: string;
}

export interface EnterpriseFilter {
  orgUnitId?: string | null;
  minWorkers?: number | null;
  hasUnion?: boolean | null;
  search?: string | null;
}

@Injectable()
export class EnterprisesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByIds(ids: readonly string[]): Promise<EnterpriseEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.getRepository(EnterpriseEntity).findBy({ id: In([...ids]) });
  }

  async create(actor: Actor, input: CreateEnterprise): Promise<EnterpriseEntity> {
    const problems: Record<string, string> = {};
    const name = requiredText(problems, 'name', input.name, 255);
    const taxCode = (input.taxCode ?? '').trim();
    // Vietnamese tax codes: 10 digits, or 10 + '-' + 3 digits for a branch.
    if (!/^\d{10}(-\d{3})?$/.test(taxCode)) problems.taxCode = 'must be 10 digits, or 10 digits, a dash and 3 digits';
    if (!Number.isInteger(input.workerCount) || input.workerCount < 0 || input.workerCount > 1_000_000) {
      problems.workerCount = 'must be a whole number between 0 and 1000000';
    }
    if (Object.keys(problems).length) throw badInput(problems);
    const [unit] = await this.db.query(`SELECT id, kind, path FROM org_unit WHERE id = $1`, [input.orgUnitId]);
    if (!unit || !canSeeUnit(actor, unit.path)) throw notFound('Org unit');
    if (actor.role === Role.OFFICER && unit.id !== actor.orgUnitId) throw forbidden('Officers register enterprises of their own unit');
    if (unit.kind !== 'UPPER_LEVEL' && unit.kind !== 'FEDERATION') throw badInput({ orgUnitId: 'must be an upper-level union or a federation' });
    const repo = this.db.getRepository(EnterpriseEntity);
    try {
      return await repo.save(repo.create({
        name, taxCode,
        address: optionalText('address', input.address, 500),
        district: optionalText('district', input.district, 120),
        sector: optionalText('sector', input.sector, 120),
        ownership: input.ownership ?? null,
        workerCount: input.workerCount, hasUnion: input.hasUnion, orgUnitId: unit.id, surveyedOn: null,
      }));
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('An enterprise with this tax code already exists', { fields: ['taxCode'] });
      throw e;
    }
  }

  async list(actor: Actor, filter: EnterpriseFilter = {}, first?: number | null, after?: string | null): Promise<Page<EnterpriseEntity>> {
    const limit = checkFirst(first);
    const cursor = decodeCursor(after, 2);
    const p = new SqlParams();
    const where: string[] = [];
    if (actor.role === Role.OFFICER) where.push(`e.org_unit_id = ${p.add(actor.orgUnitId)}`);
    else if (actor.role === Role.SUPERVISOR) {
      where.push(`e.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(actor.orgPath)} OR path LIKE ${p.add(subtreeLike(actor.orgPath))})`);
    }
    if (filter.orgUnitId) {
      const [u] = await this.db.query(`SELECT path FROM org_unit WHERE id = $1`, [filter.orgUnitId]);
      if (!u || !canSeeUnit(actor, u.path)) throw notFound('Org unit');
      where.push(`e.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(u.path)} OR path LIKE ${p.add(subtreeLike(u.path))})`);
    }
    if (filter.minWorkers !== null && filter.minWorkers !== undefined) {
      if (!Number.isInteger(filter.minWorkers) || filter.minWorkers < 0) throw badInput({ minWorkers: 'must be a whole number >= 0' });
      where.push(`e.worker_count >= ${p.add(filter.minWorkers)}`);
    }
    if (filter.hasUnion !== null && filter.hasUnion !== undefined) where.push(`e.has_union = ${p.add(filter.hasUnion)}`);
    const search = optionalText('search', filter.search, 200);
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(e.name ILIKE ${p.add(like)} OR e.tax_code LIKE ${p.add(`${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)})`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...p.values];
    const pageWhere = cursor ? `${whereSql ? `${whereSql} AND` : 'WHERE'} (e.name, e.id) > (${p.add(cursor[0])}, ${p.add(cursor[1])}::uuid)` : whereSql;
    const rows: { id: string; name: string }[] = await this.db.query(
      `SELECT e.id, e.name FROM enterprise e ${pageWhere} ORDER BY e.name, e.id LIMIT ${limit + 1}`,
      p.values,
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM enterprise e ${whereSql}`, countParams);
    const pageRows = rows.slice(0, limit);
    const found = await this.findByIds(pageRows.map((r) => r.id));
    const byId = new Map(found.map((e) => [e.id, e]));
    const last = pageRows[pageRows.length - 1];
    return {
      nodes: pageRows.map((r) => byId.get(r.id)!),
      totalCount: n,
      pageInfo: { endCursor: last ? encodeCursor([last.name, last.id]) : null, hasNextPage: rows.length > limit },
    };
  }

  /** The visible enterprise, else NOT_FOUND. */
  async getVisible(actor: Actor, id: string): Promise<EnterpriseEntity> {
    const [row] = await this.db.query(`SELECT e.id, e.org_unit_id, o.path FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.id = $1`, [id]);
    if (!row || !canSeeUnit(actor, row.path) || (actor.role === Role.OFFICER && row.org_unit_id !== actor.orgUnitId)) throw notFound('Enterprise');
    return (await this.findByIds([id]))[0];
  }
}
