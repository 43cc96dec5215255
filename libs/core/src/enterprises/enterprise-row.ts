import { FundingType, Ownership } from '@app/domain';
import { EnterpriseEntity } from '@app/persistence';
import { RawRow } from '../common/prepared-sql';
import { EnterpriseImportRow } from '../imports';

/** The columns enterpriseFromRaw reads, listed for RETURNING and locked reads. */
export const ENTERPRISE_COLUMNS = [
  'id',
  'name',
  'tax_code',
  'address',
  'district',
  'sector',
  'ownership',
  'worker_count',
  'surveyed_on',
  'has_union',
  'org_unit_id',
  'created_at',
  'updated_at',
  'closed_on',
  'closed_note',
  'funding_type',
  'funding_type_from',
] as const;
export const columnList = (alias: string) => ENTERPRISE_COLUMNS.map((c) => `${alias}.${c}`).join(', ');

export function enterpriseFromRaw(r: RawRow): EnterpriseEntity {
  return Object.assign(new EnterpriseEntity(), {
    id: r.id,
    name: r.name,
    taxCode: r.tax_code,
    address: r.address,
    district: r.district,
    sector: r.sector,
    ownership: r.ownership,
    workerCount: r.worker_count,
    surveyedOn: r.surveyed_on,
    hasUnion: r.has_union,
    orgUnitId: r.org_unit_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedOn: r.closed_on,
    closedNote: r.closed_note,
    fundingType: r.funding_type,
    fundingTypeFrom: r.funding_type_from,
  });
}

/** A row of the register as the import reads it back. */
export function importRowOf(r: RawRow): EnterpriseImportRow {
  return {
    name: r.name,
    taxCode: r.tax_code,
    workerCount: r.worker_count,
    address: r.address,
    district: r.district,
    sector: r.sector,
    ownership: r.ownership as Ownership | null,
    hasUnion: r.has_union,
    surveyedOn: r.surveyed_on,
    fundingType: (r.funding_type as FundingType | null) ?? null,
    fundingTypeFrom: r.funding_type_from ?? null,
  };
}
