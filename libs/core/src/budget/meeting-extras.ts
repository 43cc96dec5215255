import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CoverageProgress, IsoDate, coverage } from '@app/domain';
import { ScopeUnit } from '../figures/figure-types';
import { OfficerAreasService } from '../plan/officer-areas.service';
import { MeetingBudgetSpent, MeetingSnapshotSource } from '../review-meetings/meeting-snapshot-source';
import { BudgetService } from './budget.service';

/**
 * A review meeting's snapshot reads the budget spent (the subtree's ledger from 1 January to the meeting's day) and each
 * officer's area coverage from the plan module, inside the holding transaction (docs/architecture.md#review-meetings).
 */
@Injectable()
export class PlanMeetingExtras implements MeetingSnapshotSource {
  constructor(
    private readonly budgets: BudgetService,
    private readonly areas: OfficerAreasService,
  ) {}

  async budgetSpent(m: EntityManager, unit: ScopeUnit, year: number, asOf: IsoDate): Promise<MeetingBudgetSpent | null> {
    const totals = await this.budgets.totalsUpTo(unit, asOf, `${year}-01-01`, m);
    return { total: totals.spent };
  }

  async officerCoverage(m: EntityManager, unit: ScopeUnit): Promise<Record<string, CoverageProgress> | null> {
    const areas = await this.areas.areasOf(m, unit.id);
    if (!areas.length) return null;
    return Object.fromEntries(areas.map((a) => [a.officerId, coverage(a.focus, a.focusWithUnion, null)]));
  }
}
