import type { EnterpriseCaseStatus, EnterpriseFilter, EnterpriseSort, Ownership } from '../../queries-register';

/** The register's filter as its controls hold it. */
export interface RegisterFilterState {
  search: string;
  orgUnitId: string;
  district: string;
  sector: string;
  ownership: Ownership | '';
  /** Only enterprises of 25 workers or more (the coverage threshold). */
  min25: boolean;
  union: '' | 'yes' | 'no';
  caseStatus: EnterpriseCaseStatus | '';
  includeClosed: boolean;
  sort: EnterpriseSort;
}

export const EMPTY_FILTER: RegisterFilterState = {
  search: '',
  orgUnitId: '',
  district: '',
  sector: '',
  ownership: '',
  min25: false,
  union: '',
  caseStatus: '',
  includeClosed: false,
  sort: 'NAME',
};

const OWNERSHIPS: readonly string[] = ['STATE', 'PRIVATE', 'FOREIGN_INVESTED', 'COLLECTIVE', 'OTHER'];
const CASE_STATUSES: readonly string[] = ['OPEN_CASE', 'NO_CASE', 'NO_OPEN_CASE'];
const SORTS: readonly string[] = ['NAME', 'TAX_CODE', 'WORKERS_DESC', 'UPDATED_DESC'];
const pick = <T extends string>(v: string | null, allowed: readonly string[], otherwise: T | ''): T | '' => (v && allowed.includes(v) ? (v as T) : otherwise);

/** The filter the `enterprises` query takes (empty controls are left out). */
export function toFilter(s: RegisterFilterState): EnterpriseFilter {
  const f: EnterpriseFilter = { sort: s.sort, includeClosed: s.includeClosed };
  if (s.search.trim()) f.search = s.search.trim();
  if (s.orgUnitId) f.orgUnitId = s.orgUnitId;
  if (s.district.trim()) f.district = s.district.trim();
  if (s.sector.trim()) f.sector = s.sector.trim();
  if (s.ownership) f.ownership = s.ownership;
  if (s.min25) f.minWorkers = 25;
  if (s.union) f.hasUnion = s.union === 'yes';
  if (s.caseStatus) f.caseStatus = s.caseStatus;
  return f;
}

/**
 * The same filter as query parameters, named as GET /registers/enterprises.xlsx takes them (the
 * export gets exactly what the page shows); the page keeps them in its own address too.
 */
export function toParams(s: RegisterFilterState): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(toFilter(s))) {
    if (v === undefined || v === null) continue;
    if ((k === 'includeClosed' && v === false) || (k === 'sort' && v === 'NAME')) continue;
    q.set(k, String(v));
  }
  return q;
}

/** The filter a page address carries (what toParams wrote); anything else is ignored. */
export function fromParams(q: URLSearchParams): RegisterFilterState {
  const hasUnion = q.get('hasUnion');
  return {
    search: q.get('search') ?? '',
    orgUnitId: q.get('orgUnitId') ?? '',
    district: q.get('district') ?? '',
    sector: q.get('sector') ?? '',
    ownership: pick<Ownership>(q.get('ownership'), OWNERSHIPS, ''),
    min25: Number(q.get('minWorkers')) >= 25,
    union: hasUnion === 'true' ? 'yes' : hasUnion === 'false' ? 'no' : '',
    caseStatus: pick<EnterpriseCaseStatus>(q.get('caseStatus'), CASE_STATUSES, ''),
    includeClosed: q.get('includeClosed') === 'true',
    sort: pick<EnterpriseSort>(q.get('sort'), SORTS, 'NAME') || 'NAME',
  };
}
