import { DataSource, EntityManager } from 'typeorm';
import { FundingType, IsoDate, isIsoDate } from '@app/domain';
import { Actor } from '../common/actor';
import { RawRow } from '../common/prepared-sql';
import { ENTERPRISE_COLUMNS } from './enterprise-row';
import { WorkerCountSource } from './enterprise-input';
import { RegisterProblems, dayMonthYear } from './enterprise-input';

// The employer's funding type on the register's form (docs/architecture.md#the-employers-funding-type), and a new
// enterprise's row with its first worker count and funding type.

/**
 * The funding type given (with its day, default today), as the columns to write; null when none is given. The day
 * may not be after today nor before the day of the type recorded now (`currentFrom`): the history is written in order.
 */
export function fundingInput(
  problems: RegisterProblems,
  input: { fundingType?: FundingType | null; fundingTypeFrom?: IsoDate | null },
  today: IsoDate,
  currentFrom: IsoDate | null,
): { funding_type: FundingType; funding_type_from: IsoDate } | null {
  const given = input.fundingType !== null && input.fundingType !== undefined;
  const hasDay = input.fundingTypeFrom !== null && input.fundingTypeFrom !== undefined;
  if (!given) {
    if (hasDay) problems.add('fundingTypeFrom', 'Ngày áp dụng chỉ ghi cùng với loại hình tài chính');
    return null;
  }
  const type = problems.fundingType('fundingType', input.fundingType!);
  const from = hasDay ? problems.pastDay('fundingTypeFrom', input.fundingTypeFrom!, today) : today;
  if (currentFrom && isIsoDate(from) && from < currentFrom)
    problems.add('fundingTypeFrom', `Ngày áp dụng không được trước ngày áp dụng loại hình tài chính hiện tại (${dayMonthYear(currentFrom)})`);
  return type ? { funding_type: type, funding_type_from: from } : null;
}

/** Who records the funding type history rows the trigger writes in this transaction (docs/architecture.md#the-employers-funding-type). */
export async function fundingWriter(m: EntityManager, actor: Actor): Promise<void> {
  await m.query(`SELECT set_config('cdcs.funding_by', $1, true), set_config('cdcs.funding_source', 'MANUAL', true)`, [actor.userId]);
}

export interface NewEnterpriseRow {
  name: string;
  taxCode: string;
  address: string | null;
  district: string | null;
  sector: string | null;
  ownership: string | null;
  workerCount: number;
  workerCountOn: IsoDate | null;
  hasUnion: boolean;
  orgUnitId: string;
  funding: { funding_type: FundingType; funding_type_from: IsoDate } | null;
}

/** The enterprise and its first worker count in one statement (its funding type's history by the trigger), in a transaction. */
export function insertEnterprise(db: DataSource, actor: Actor, today: IsoDate, e: NewEnterpriseRow): Promise<RawRow> {
  return db.transaction(async (m) => {
    await fundingWriter(m, actor);
    const [row] = await m.query(
      `WITH e AS (
         INSERT INTO enterprise (name, tax_code, address, district, sector, ownership, worker_count, surveyed_on, has_union, org_unit_id, funding_type, funding_type_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10, $14, $15::date) RETURNING ${ENTERPRISE_COLUMNS.join(', ')}
       ), h AS (
         INSERT INTO enterprise_worker_count (enterprise_id, worker_count, counted_on, source, recorded_by)
         SELECT e.id, e.worker_count, coalesce($8::date, $11::date), $12, $13 FROM e
       )
       SELECT * FROM e`,
      [
        e.name,
        e.taxCode,
        e.address,
        e.district,
        e.sector,
        e.ownership,
        e.workerCount,
        e.workerCountOn,
        e.hasUnion,
        e.orgUnitId,
        today,
        WorkerCountSource.MANUAL,
        actor.userId,
        e.funding?.funding_type ?? null,
        e.funding?.funding_type_from ?? null,
      ],
    );
    return row;
  });
}
