import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CoverageProgress, IsoDate } from '@app/domain';
import { ScopeUnit } from '../figures/figure-types';

/**
 * What a review meeting's snapshot reads from modules other than the figures (docs/architecture.md#review-meetings):
 * the budget spent and each officer's area coverage. A module that has them provides MEETING_SNAPSHOT_SOURCE with its
 * own class (CoreModule); without one, NoMeetingExtras answers null and the snapshot says "no budget" / "no area".
 * Every figure is read inside the holding transaction (`m`), as of `asOf`, and frozen with the rest.
 */
export const MEETING_SNAPSHOT_SOURCE = Symbol('MEETING_SNAPSHOT_SOURCE');

export interface MeetingBudgetSpent {
  /** Whole đồng spent by the unit from 1 January to `asOf`, as decimal digits (a bigint: never a float). */
  total: string;
  /** The same per officer (entries that served an officer's cases), where the budget can tell. */
  byOfficer?: Record<string, string>;
}

export interface MeetingSnapshotSource {
  budgetSpent(m: EntityManager, unit: ScopeUnit, year: number, asOf: IsoDate): Promise<MeetingBudgetSpent | null>;
  /** Per officer id: the coverage of its area (enterprises ≥ 25 workers with a union / all in the area), or null. */
  officerCoverage(m: EntityManager, unit: ScopeUnit, asOf: IsoDate): Promise<Record<string, CoverageProgress> | null>;
}

/** No budget and no officer areas (the default until a module provides them). */
@Injectable()
export class NoMeetingExtras implements MeetingSnapshotSource {
  async budgetSpent(): Promise<MeetingBudgetSpent | null> {
    return null;
  }

  async officerCoverage(): Promise<Record<string, CoverageProgress> | null> {
    return null;
  }
}

export const meetingSnapshotSourceProvider = { provide: MEETING_SNAPSHOT_SOURCE, useClass: NoMeetingExtras };
