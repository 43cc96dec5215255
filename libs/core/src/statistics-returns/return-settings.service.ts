import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_RETURN_SETTINGS, ReturnSettings, returnSettingsProblems } from '@app/domain';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { badInput, notFound } from '../common/app-error';
import { isUuid } from '../identity/account-errors';

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
 * `ReturnPeriodsService` does when it dates a period; returns already saved keep the days they were saved with.
 */
@Injectable()
export class ReturnSettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
      return this.inForce(m, u);
    });
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
