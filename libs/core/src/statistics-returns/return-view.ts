import { IsoDate, ReturnFigures, ReturnPeriodKind, ReturnStatus } from '@app/domain';
import { figuresOf, figuresSelect } from './return-figures.sql';

/** A CĐCS's statistics return for a period; `id` null: not saved yet (the register's prefill). */
export interface StatisticsReturnView {
  id: string | null;
  grassrootsUnionId: string;
  grassrootsUnionName: string;
  kind: ReturnPeriodKind;
  year: number;
  periodStart: IsoDate;
  referenceDay: IsoDate;
  dueOn: IsoDate;
  status: ReturnStatus;
  /** 0 before the first save; the optimistic-concurrency version after. */
  version: number;
  figures: ReturnFigures;
  note: string | null;
  sentBackReason: string | null;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  /** First submitted after the due day (Vietnam date). */
  late: boolean;
}

export interface ReturnVersionView {
  version: number;
  action: string;
  status: ReturnStatus;
  figures: ReturnFigures;
  note: string | null;
  reason: string | null;
  actorId: string;
  at: Date;
}

/** The columns of a stored return `r` joined with its unit `o`, for `returnOfRow`. */
export const RETURN_SELECT = `r.id, r.grassroots_union_id AS "grassrootsUnionId", o.name AS "grassrootsUnionName", o.path, r.period_kind AS kind, r.year,
  to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(r.reference_day, 'YYYY-MM-DD') AS "referenceDay", to_char(r.due_on, 'YYYY-MM-DD') AS "dueOn",
  r.status, r.version, ${figuresSelect('r')}, r.note, r.sent_back_reason AS "sentBackReason", r.first_submitted_at AS "firstSubmittedAt",
  r.submitted_at AS "submittedAt", r.decided_at AS "decidedAt",
  coalesce((r.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > r.due_on, false) AS late`;

export function returnOfRow(row: Record<string, unknown>): StatisticsReturnView & { path: string } {
  return { ...(row as unknown as StatisticsReturnView & { path: string }), year: Number(row.year), version: Number(row.version), figures: figuresOf(row) };
}
