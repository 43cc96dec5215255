import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_RETURN_SETTINGS, ReturnSettings, returnSettingsProblems } from '@app/domain';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { CalendarService } from '../calendar/calendar.service';
import { badInput, notFound } from '../common/app-error';
import { isUuid } from '../identity/account-errors';
import { ReturnPeriodsService, SETTING_UNIT_SQL } from './return-periods.service';

/** The settings of statistics-return periods in force for a unit, and where they come from. */
export interface ReturnSettingsView extends ReturnSettings {
  orgUnitId: string;
  orgUnitName: string;
  /** The unit whose row applies (the unit itself or its nearest ancestor with one); null: the defaults of QĐ 1454/QĐ-TLĐ. */
  fromOrgUnitId: string | null;
  fromOrgUnitName: string | null;
  updatedAt: Date | null;
}

export type SaveReturnSettings = { [K in keyof ReturnSettings]?: ReturnSettings[K] | null } & {
  orgUnitId: string;
  /** True: drop the unit's own row, so that it takes its ancestors' settings (or the defaults) again. */
  inherit?: boolean | null;
};

interface Unit {
  id: string;
  name: string;
  path: string;
  kind: string;
}

/**
 * Reads and edits the per-unit settings of statistics-return periods (docs/architecture.md#statistics-returns): the
 * reference days and the due and reminder day counts. A unit takes the row of its nearest ancestor-or-self, as
 * `ReturnPeriodsService` does when it dates a period; a return never submitted takes the new due day (`redateDrafts`).
 */
@Injectable()
export class ReturnSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly periods: ReturnPeriodsService,
    private readonly calendar: CalendarService,
  ) {}

  /** The settings in force for `orgUnitId`: GRASSROOTS its own CĐCS only, the others their subtree, else NOT_FOUND. */
  async get(actor: Actor, orgUnitId: string): Promise<ReturnSettingsView> {
    return this.db.transaction('REPEATABLE READ', async (m) => this.inForce(m, await this.unit(m, actor, orgUnitId)));
  }

  /** Sets (or with `inherit`, drops) a unit's own settings: SUPERVISOR within its subtree, ADMIN anywhere; not on a CĐCS. */
  async save(actor: Actor, input: SaveReturnSettings): Promise<ReturnSettingsView> {
    return this.db.transaction(async (m) => {
      const u = await this.unit(m, actor, input.orgUnitId);
      if (actor.role !== Role.SUPERVISOR && actor.role !== Role.ADMIN) throw notFound('orgUnit');
      if (u.kind === 'GRASSROOTS')
        throw badInput({ orgUnitId: 'Kỳ báo cáo thống kê do công đoàn cấp trên đặt cho các CĐCS của mình, không đặt riêng cho một CĐCS' });
      if (input.inherit) {
        await m.query(`DELETE FROM statistics_return_setting WHERE org_unit_id = $1`, [u.id]);
        await this.redateDrafts(m, u);
        return this.inForce(m, u);
      }
      // A field left out keeps the value in force (the unit's own, else inherited).
      const now = await this.inForce(m, u);
      const s: ReturnSettings = {
        halfYearDay: input.halfYearDay ?? now.halfYearDay,
        yearDay: input.yearDay ?? now.yearDay,
        dueWorkingDays: input.dueWorkingDays ?? now.dueWorkingDays,
        reminderWorkingDays: input.reminderWorkingDays ?? now.reminderWorkingDays,
      };
      const problems = returnSettingsProblems(s);
      if (Object.keys(problems).length) throw badInput(problems);
      await m.query(
        `INSERT INTO statistics_return_setting (org_unit_id, half_year_day, year_day, due_working_days, reminder_working_days) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (org_unit_id) DO UPDATE SET half_year_day = EXCLUDED.half_year_day, year_day = EXCLUDED.year_day,
           due_working_days = EXCLUDED.due_working_days, reminder_working_days = EXCLUDED.reminder_working_days, updated_at = now()`,
        [u.id, s.halfYearDay, s.yearDay, s.dueWorkingDays, s.reminderWorkingDays],
      );
      await this.redateDrafts(m, u);
      return this.inForce(m, u);
    });
  }

  /**
   * The returns of the subtree never submitted take the due day of the settings now in force, so that the board agrees
   * with the sweep; only where their reference day stays (a draft's figures are as at its own day, kept otherwise).
   */
  private async redateDrafts(m: EntityManager, u: Unit): Promise<void> {
    const groups: { setting: string | null; kind: 'HALF_YEAR' | 'YEAR'; year: number }[] = await m.query(
      `SELECT DISTINCT ${SETTING_UNIT_SQL('o')} AS setting, r.period_kind AS kind, r.year
         FROM statistics_return r JOIN org_unit o ON o.id = r.grassroots_union_id
        WHERE r.first_submitted_at IS NULL AND (o.path = $1 OR o.path LIKE $2)`,
      [u.path, subtreeLike(u.path)],
    );
    if (!groups.length) return;
    const cal = await this.calendar.calendarIn(m);
    for (const g of groups) {
      const [row] = g.setting
        ? await m.query(
            `SELECT half_year_day AS "halfYearDay", year_day AS "yearDay", due_working_days AS "dueWorkingDays", reminder_working_days AS "reminderWorkingDays"
               FROM statistics_return_setting WHERE org_unit_id = $1`,
            [g.setting],
          )
        : [];
      const p = this.periods.dated(cal, g.kind, Number(g.year), row ?? DEFAULT_RETURN_SETTINGS, g.setting);
      await m.query(
        `UPDATE statistics_return r SET due_on = $1, updated_at = now() FROM org_unit o
          WHERE o.id = r.grassroots_union_id AND r.first_submitted_at IS NULL AND r.period_kind = $2 AND r.year = $3 AND r.reference_day = $4
            AND r.due_on <> $1 AND (o.path = $5 OR o.path LIKE $6) AND ${SETTING_UNIT_SQL('o')} IS NOT DISTINCT FROM $7::uuid`,
        [p.dueOn, g.kind, Number(g.year), p.end, u.path, subtreeLike(u.path), g.setting],
      );
    }
  }

  private async unit(m: EntityManager, actor: Actor, id: string): Promise<Unit> {
    const [u] = isUuid(id) ? await m.query(`SELECT id, name, path, kind FROM org_unit WHERE id = $1 AND dissolved_at IS NULL`, [id]) : [];
    if (!u || (actor.role === Role.GRASSROOTS ? u.id !== actor.orgUnitId : !canSeeUnit(actor, u.path))) throw notFound('orgUnit');
    return u;
  }

  private async inForce(m: EntityManager, u: Unit): Promise<ReturnSettingsView> {
    const [row] = await m.query(
      `SELECT a.id, a.name, s.half_year_day AS "halfYearDay", s.year_day AS "yearDay", s.due_working_days AS "dueWorkingDays",
              s.reminder_working_days AS "reminderWorkingDays", s.updated_at AS "updatedAt"
         FROM statistics_return_setting s JOIN org_unit a ON a.id = s.org_unit_id
        WHERE $1 = a.path OR $1 LIKE a.path || '.%' ORDER BY length(a.path) DESC LIMIT 1`,
      [u.path],
    );
    const s: ReturnSettings = row ?? DEFAULT_RETURN_SETTINGS;
    return {
      orgUnitId: u.id,
      orgUnitName: u.name,
      fromOrgUnitId: row?.id ?? null,
      fromOrgUnitName: row?.name ?? null,
      halfYearDay: s.halfYearDay,
      yearDay: s.yearDay,
      dueWorkingDays: Number(s.dueWorkingDays),
      reminderWorkingDays: Number(s.reminderWorkingDays),
      updatedAt: row?.updatedAt ?? null,
    };
  }
}
