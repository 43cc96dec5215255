import { Injectable } from '@nestjs/common';
import { ReadDb } from '@app/persistence';
import { ReturnPeriodKind, latestReturnPeriodBy } from '@app/domain';
import { Actor, Role, subtreeLike } from '../common/actor';
import { badInput, forbidden } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { CalendarService } from '../calendar/calendar.service';
import { OrgUnitsService } from '../identity/org-units.service';
import { ON_RETURN_LIST_SQL } from '../statistics-returns/return-periods.service';
import { Figures, FiguresService } from './figures.service';

/**
 * The member figures of the latest return period by the accepted statistics returns of a subtree, beside the
 * registers' count for the same period (docs/architecture.md#party-recommendations-and-union-groups).
 */
export interface MembersFromReturns {
  kind: ReturnPeriodKind;
  year: number;
  periodStart: string;
  referenceDay: string;
  /** CĐCS of the subtree, and how many of them have an accepted return for the period. */
  grassrootsUnions: number;
  reportedUnions: number;
  /** Sums of the accepted returns. */
  admitted: number;
  membersAtEnd: number;
  /** New members of the same period by the registers (every CĐCS of the subtree). */
  registerAdmitted: number;
}

/** `pipeline(orgUnitId, year)`: the figures of the year for a unit the caller may watch, read through ReadDb (they may lag a few seconds). */
@Injectable()
export class PipelineService {
  constructor(
    private readonly figures: FiguresService,
    private readonly orgUnits: OrgUnitsService,
    private readonly calendar: CalendarService,
    private readonly reads: ReadDb,
  ) {}

  async pipeline(
    actor: Actor,
    orgUnitId: string,
    year: number,
  ): Promise<Figures & { orgUnitId: string; year: number; includingReceived: { newMembers: number; newGrassrootsUnions: number } }> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput({ year: RULE.between('year', 2000, 2100) });
    const unit = await this.orgUnits.getVisible(actor, orgUnitId);
    if (actor.role === Role.OFFICER && unit.id !== actor.orgUnitId) throw forbidden('Cán bộ chỉ xem tiến độ của đơn vị mình');
    const period = { start: `${year}-01-01`, end: `${year}-12-31` };
    const [f, newMembers, newGrassrootsUnions] = await this.reads.read(actor.userId, (db) =>
      Promise.all([
        this.figures.figures(unit, period, this.calendar.today(), db),
        // By today's tree: with the units received during the year, also for their days before (docs/architecture.md#restructuring).
        this.figures.newMembers(db, unit, period, true),
        this.figures.newGrassrootsUnions(db, unit, period, true),
      ]),
    );
    return { ...f, orgUnitId: unit.id, year, includingReceived: { newMembers, newGrassrootsUnions } };
  }

  /**
   * The latest return period (default reference days) ended by the year's end, or by today in the running year: the sums
   * of the subtree's accepted returns and the registers' new members for it; the CĐCS counted are those listed for the
   * period as on the board (created by its reference day, or with a return sent in). Scope as `pipeline`.
   */
  async membersFromReturns(actor: Actor, orgUnitId: string, year: number): Promise<MembersFromReturns> {
    const unit = await this.orgUnits.getVisible(actor, orgUnitId);
    const today = this.calendar.today();
    const yearEnd = `${year}-12-31`;
    const p = latestReturnPeriodBy(yearEnd < today ? yearEnd : today);
    const [[r], registerAdmitted] = await this.reads.read(actor.userId, (db) =>
      Promise.all([
        db.query(
          `SELECT count(*)::int AS "grassrootsUnions", count(r.id)::int AS "reportedUnions",
                coalesce(sum(r.admitted), 0)::int AS admitted, coalesce(sum(r.members_at_end), 0)::int AS "membersAtEnd"
           FROM org_unit o
           LEFT JOIN statistics_return r ON r.grassroots_union_id = o.id AND r.period_kind = $3 AND r.year = $4 AND r.status = 'ACCEPTED'
          WHERE o.kind = 'GRASSROOTS' AND o.dissolved_at IS NULL AND (o.path = $1 OR o.path LIKE $2) AND ${ON_RETURN_LIST_SQL('o', '$5::date', '$3', '$4')}`,
          [unit.path, subtreeLike(unit.path), p.kind, p.year, p.end],
        ),
        this.figures.newMembers(db, unit, { start: p.start, end: p.end }),
      ]),
    );
    return { kind: p.kind, year: p.year, periodStart: p.start, referenceDay: p.end, ...r, registerAdmitted };
  }
}
