import { EntityManager } from 'typeorm';
import { Ownership } from '@app/domain';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { MAX_PAGE, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { MAX_PLACE, MAX_SEARCH, enterpriseSearchSql, foldedEqualsSql } from './enterprise-search.sql';
import { EnterpriseCaseStatus, EnterpriseSort, RegisterProblems, formatCount, unitNotFound } from './enterprise-input';
import { viOrder } from '../common/vietnamese-order';

/** The register's filter: `enterprises(filter)` and the XLSX export take the same one. */
export interface EnterpriseFilter {
  orgUnitId?: string | null;
  minWorkers?: number | null;
  hasUnion?: boolean | null;
  /** A name, with or without diacritics ("cong ty duoc" finds "Công ty Dược"), or the start of a tax code. */
  search?: string | null;
  district?: string | null;
  sector?: string | null;
  ownership?: Ownership | null;
  caseStatus?: EnterpriseCaseStatus | null;
  /** Closed enterprises (ceased operating) are left out unless true. */
  includeClosed?: boolean | null;
  sort?: EnterpriseSort | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One key of a sort: the SQL expression, how a cursor's text is cast back, its direction, and how the page query reads it as text. */
interface SortKey {
  expr: string;
  cast: string;
  desc: boolean;
  text: string;
}

const ID_ASC: SortKey = { expr: 'e.id', cast: 'uuid', desc: false, text: 'e.id::text' };
const NAME_ASC: SortKey = { expr: viOrder('e.name'), cast: 'varchar', desc: false, text: 'e.name' };

/** Every sort ends with the id, so that the order is total and a cursor (the keys of the last row) resumes exactly after it. */
export const SORT_KEYS: Record<EnterpriseSort, SortKey[]> = {
  [EnterpriseSort.NAME]: [NAME_ASC, ID_ASC],
  [EnterpriseSort.TAX_CODE]: [{ expr: 'e.tax_code', cast: 'varchar', desc: false, text: 'e.tax_code' }, ID_ASC],
  [EnterpriseSort.WORKERS_DESC]: [{ expr: 'e.worker_count', cast: 'int', desc: true, text: 'e.worker_count::text' }, NAME_ASC, ID_ASC],
  [EnterpriseSort.UPDATED_DESC]: [
    { expr: 'e.updated_at', cast: 'timestamptz', desc: true, text: `to_char(e.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` },
    { ...ID_ASC, desc: true },
  ],
};

export function orderBySql(sort: EnterpriseSort): string {
  return SORT_KEYS[sort].map((k) => `${k.expr}${k.desc ? ' DESC' : ''}`).join(', ');
}

/**
 * Rows after the cursor's keys in the sort's order: a row comparison when every key goes the same way (an index on the
 * keys then starts the scan at the cursor: the name order's, docs/architecture.md#vietnamese-name-order), else
 * (k1 beyond v1) OR (k1 = v1 AND (k2 beyond v2 OR …)).
 */
export function afterCursorSql(p: SqlParams, sort: EnterpriseSort, values: string[]): string {
  const keys = SORT_KEYS[sort];
  if (keys.every((k) => k.desc === keys[0].desc)) {
    const vs = keys.map((k, i) => `${p.add(values[i])}::${k.cast}`);
    return `(${keys.map((k) => k.expr).join(', ')}) ${keys[0].desc ? '<' : '>'} (${vs.join(', ')})`;
  }
  const build = (i: number): string => {
    const k = keys[i];
    const v = `${p.add(values[i])}::${k.cast}`;
    const beyond = `${k.expr} ${k.desc ? '<' : '>'} ${v}`;
    return i === keys.length - 1 ? beyond : `(${beyond} OR (${k.expr} = ${v} AND ${build(i + 1)}))`;
  };
  return build(0);
}

/** The text columns (k0, k1, …) a page query selects for the next cursor. */
export function cursorColumnsSql(sort: EnterpriseSort): string {
  return SORT_KEYS[sort].map((k, i) => `${k.text} AS k${i}`).join(', ');
}

export function cursorOf(sort: EnterpriseSort, row: Record<string, unknown>): string {
  return encodeCursor([sort, ...SORT_KEYS[sort].map((_, i) => String(row[`k${i}`]))]);
}

/** The WHERE conditions of the register for a caller and a filter (problems noted, not thrown), with their parameters. */
export interface RegisterQuery {
  p: SqlParams;
  where: string[];
  sort: EnterpriseSort;
}

/**
 * Checks a filter (every bad field noted in `problems`) and turns it into conditions on `enterprise e`:
 * the caller's scope (officer: its unit; supervisor: its subtree; admin: all), then the filter's fields.
 * A unit the caller may not see is NOT_FOUND (thrown).
 */
export async function registerQuery(m: EntityManager, actor: Actor, filter: EnterpriseFilter, problems: RegisterProblems): Promise<RegisterQuery> {
  const p = new SqlParams();
  const where: string[] = [];
  if (actor.role === Role.OFFICER) where.push(`e.org_unit_id = ${p.add(actor.orgUnitId)}`);
  else if (actor.role === Role.SUPERVISOR) {
    where.push(`e.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(actor.orgPath)} OR path LIKE ${p.add(subtreeLike(actor.orgPath))})`);
  }
  const sort = filter.sort ?? EnterpriseSort.NAME;
  if (!(Object.values(EnterpriseSort) as string[]).includes(sort))
    problems.add('sort', `Cách sắp xếp phải là một trong: ${Object.values(EnterpriseSort).join(', ')}`);
  if (filter.minWorkers !== null && filter.minWorkers !== undefined) {
    const before = problems.has('minWorkers');
    problems.workerCount('minWorkers', filter.minWorkers);
    if (!before && !problems.has('minWorkers')) where.push(`e.worker_count >= ${p.add(filter.minWorkers)}`);
  }
  if (filter.hasUnion !== null && filter.hasUnion !== undefined) where.push(`e.has_union = ${p.add(filter.hasUnion)}`);
  const search = problems.optionalText('search', filter.search, MAX_SEARCH);
  if (search) where.push(enterpriseSearchSql(p, search));
  for (const [field, column] of [
    ['district', 'e.district'],
    ['sector', 'e.sector'],
  ] as const) {
    const v = problems.optionalText(field, filter[field], MAX_PLACE);
    if (v) where.push(foldedEqualsSql(p, column, v));
  }
  const ownership = problems.ownership('ownership', filter.ownership);
  if (ownership) where.push(`e.ownership = ${p.add(ownership)}`);
  if (filter.caseStatus === EnterpriseCaseStatus.OPEN_CASE || filter.caseStatus === EnterpriseCaseStatus.NO_OPEN_CASE) {
    const not = filter.caseStatus === EnterpriseCaseStatus.NO_OPEN_CASE ? 'NOT ' : '';
    where.push(`${not}EXISTS (SELECT 1 FROM founding_case c WHERE c.enterprise_id = e.id AND c.stage IN ${OPEN_STAGES_SQL})`);
  } else if (filter.caseStatus === EnterpriseCaseStatus.NO_CASE) {
    where.push(`NOT EXISTS (SELECT 1 FROM founding_case c WHERE c.enterprise_id = e.id)`);
  } else if (filter.caseStatus !== null && filter.caseStatus !== undefined) {
    problems.add('caseStatus', `Tình trạng hồ sơ phải là một trong: ${Object.values(EnterpriseCaseStatus).join(', ')}`);
  }
  if (!filter.includeClosed) where.push(`e.closed_on IS NULL`);
  if (filter.orgUnitId) {
    if (!UUID.test(filter.orgUnitId)) throw unitNotFound();
    const [u] = await m.query(`SELECT path FROM org_unit WHERE id = $1`, [filter.orgUnitId]);
    if (!u || !canSeeUnit(actor, u.path)) throw unitNotFound();
    where.push(`e.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(u.path)} OR path LIKE ${p.add(subtreeLike(u.path))})`);
  }
  return { p, where, sort };
}

/** What a cursor's value of each cast must look like (a value Postgres would refuse is a bad cursor, not a server error). */
const CURSOR_VALUE: Record<string, (v: string) => boolean> = {
  uuid: (v) => UUID.test(v),
  int: (v) => /^\d{1,9}$/.test(v),
  varchar: (v) => v.length <= 1000 && !v.includes('\u0000'),
  timestamptz: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v) && !Number.isNaN(Date.parse(v)),
};

/** `first` and `after` of a page: bad ones are noted in `problems`; the cursor's sort keys (null for the first page). */
export function pageArgs(problems: RegisterProblems, sort: EnterpriseSort, first: number | null | undefined, after: string | null | undefined) {
  const limit = first ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) problems.add('first', `Số dòng mỗi trang phải từ 1 đến ${formatCount(MAX_PAGE)}`);
  let cursor: string[] | null = null;
  if (after) {
    const keys = SORT_KEYS[sort] ?? SORT_KEYS[EnterpriseSort.NAME];
    try {
      const decoded = decodeCursor(after, keys.length + 1) as string[];
      if (decoded[0] !== String(sort)) throw new Error('another sort');
      cursor = decoded.slice(1);
      if (!cursor.every((v, i) => CURSOR_VALUE[keys[i].cast](v))) throw new Error('not a value of its key');
    } catch {
      problems.add('after', 'Con trỏ trang không hợp lệ (hãy dùng endCursor của trang trước, với cùng bộ lọc và cách sắp xếp)');
    }
  }
  return { limit, cursor };
}

const FILTER_PARAMS = ['search', 'orgUnitId', 'district', 'sector', 'ownership', 'minWorkers', 'hasUnion', 'caseStatus', 'includeClosed', 'sort'] as const;

/**
 * The register's filter from URL query parameters (the export's GET /registers/enterprises.xlsx?search=&…):
 * an empty parameter is absent; numbers and booleans are read from their text; the rest is checked as
 * `enterprises(filter)` checks it. Problems go into `problems`, reported with the filter's own.
 */
export function filterFromQuery(query: Record<string, unknown>, problems: RegisterProblems): EnterpriseFilter {
  const text: Partial<Record<(typeof FILTER_PARAMS)[number], string>> = {};
  for (const key of FILTER_PARAMS) {
    const v = query[key];
    if (v === undefined || v === '') continue;
    if (typeof v !== 'string') problems.add(key, `Tham số ${key} chỉ được ghi một lần`);
    else text[key] = v;
  }
  const bool = (key: 'hasUnion' | 'includeClosed'): boolean | null => {
    const v = text[key];
    if (v === undefined) return null;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    problems.add(key, `Tham số ${key} phải là true hoặc false`);
    return null;
  };
  let minWorkers: number | null = null;
  if (text.minWorkers !== undefined) {
    if (/^\d{1,9}$/.test(text.minWorkers.trim())) minWorkers = Number(text.minWorkers.trim());
    else problems.add('minWorkers', 'Số lao động tối thiểu phải là số nguyên từ 0 trở lên');
  }
  return {
    search: text.search ?? null,
    orgUnitId: text.orgUnitId ?? null,
    district: text.district ?? null,
    sector: text.sector ?? null,
    ownership: (text.ownership as Ownership | undefined) ?? null,
    minWorkers,
    hasUnion: bool('hasUnion'),
    caseStatus: (text.caseStatus as EnterpriseCaseStatus | undefined) ?? null,
    includeClosed: bool('includeClosed'),
    sort: (text.sort as EnterpriseSort | undefined) ?? null,
  };
}
