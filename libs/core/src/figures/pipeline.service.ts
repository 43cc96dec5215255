import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role } from '../common/actor';
import { badInput, forbidden } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { CalendarService } from '../calendar/calendar.service';
import { OrgUnitsService } from '../identity/org-units.service';
import { Figures, FiguresService } from './figures.service';

/** `pipeline(orgUnitId, year)`: the figures of the year for a unit the caller may watch. */
@Injectable()
export class PipelineService {
  constructor(
    private readonly figures: FiguresService,
    private readonly orgUnits: OrgUnitsService,
    private readonly calendar: CalendarService,
    @InjectDataSource() private readonly db: DataSource,
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
    const [f, newMembers, newGrassrootsUnions] = await Promise.all([
      this.figures.figures(unit, period, this.calendar.today()),
      // By today's tree: with the units received during the year, also for their days before (docs/architecture.md#restructuring).
      this.figures.newMembers(this.db, unit, period, true),
      this.figures.newGrassrootsUnions(this.db, unit, period, true),
    ]);
    return { ...f, orgUnitId: unit.id, year, includingReceived: { newMembers, newGrassrootsUnions } };
  }
}
