import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MAX_MONEY, formatMoneyVi, isIsoDate, overPlan, parseMoney } from '@app/domain';
import { Actor, canSeeUnit, pathInSubtree } from '../common/actor';
import { badInput, conflict, notFound } from '../common/app-error';
import { EARLIEST_DAY, RULE } from '../common/messages-vi';
import { isUniqueViolation } from '../common/pg-errors';
import { MAX_TEXT, optionalText, requiredText } from '../common/text-input';
import { CalendarService } from '../calendar/calendar.service';
import { OrgUnitsService } from '../identity/org-units.service';
import { BudgetEntryResult, BudgetEntryView, BudgetHeadingView, BudgetView } from './budget-types';
import { BudgetService, ENTRY_COLUMNS, ensureHeadings, headingTotals } from './budget.service';

export interface SaveBudgetHeading {
  orgUnitId: string;
  /** Absent: a new heading. */
  id?: string | null;
  name: string;
  active?: boolean | null;
  position?: number | null;
}
export interface SetBudgetPlan {
  orgUnitId: string;
  year: number;
  lines: { headingId: string; amount: unknown }[];
}
export interface RecordBudgetEntry {
  orgUnitId: string;
  headingId: string;
  spentOn: string;
  amount: unknown;
  voucherNumber: string;
  note?: string | null;
  caseId?: string | null;
  grassrootsUnionId?: string | null;
}
export interface ReverseBudgetEntry {
  entryId: string;
  /** Why (kept as the reversing entry's note). */
  reason: string;
  voucherNumber?: string | null;
}

const MAX_HEADINGS = 50;
const HEADING_EXISTS = 'Đơn vị đã có khoản chi cùng tên';

/**
 * The budget's writes: a unit's headings, the year's plan per heading, and the ledger (budget_entry), which only grows:
 * a mistake is undone by a reversing entry (the database refuses UPDATE and DELETE). Recording over a heading's plan is
 * allowed and answered with a warning. See docs/architecture.md#plan-areas-and-budget.
 */
@Injectable()
export class BudgetLedgerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgUnits: OrgUnitsService,
    private readonly calendar: CalendarService,
    private readonly budgets: BudgetService,
  ) {}

  async saveHeading(actor: Actor, input: SaveBudgetHeading): Promise<BudgetHeadingView> {
    const problems: Record<string, string> = {};
    const name = requiredText(problems, 'name', input.name, 200);
    const pos = input.position;
    if (pos !== null && pos !== undefined && (!Number.isInteger(pos) || pos < 0 || pos > 1000)) problems.position = RULE.between('position', 0, 1000);
    if (Object.keys(problems).length) throw badInput(problems);
    const unit = await this.orgUnits.getVisible(actor, input.orgUnitId);
    try {
      return await this.db.transaction(async (m) => {
        await ensureHeadings(m, unit.id);
        if (input.id) {
          // UPDATE … RETURNING answers [rows, count].
          const [rows] = await m.query(
            `UPDATE budget_heading SET name = $3::text, name_fold = vn_fold($3::text), active = coalesce($4, active), position = coalesce($5, position)
              WHERE id = $1 AND org_unit_id = $2 RETURNING id, org_unit_id AS "orgUnitId", name, position, active`,
            [input.id, unit.id, name, input.active ?? null, pos ?? null],
          );
          if (!rows.length) throw notFound('budgetHeading');
          return rows[0];
        }
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM budget_heading WHERE org_unit_id = $1`, [unit.id]);
        if (n >= MAX_HEADINGS) throw badInput({ name: `Một đơn vị có tối đa ${MAX_HEADINGS} khoản chi` });
        const [row] = await m.query(
          `INSERT INTO budget_heading (org_unit_id, name, name_fold, position, active)
           VALUES ($1, $2::text, vn_fold($2::text), coalesce($3::int, (SELECT coalesce(max(position), 0) + 1 FROM budget_heading WHERE org_unit_id = $1)), coalesce($4::boolean, true))
           RETURNING id, org_unit_id AS "orgUnitId", name, position, active`,
          [unit.id, name, pos ?? null, input.active ?? null],
        );
        return row;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(HEADING_EXISTS, { fields: ['name'], messages: { name: HEADING_EXISTS } });
      throw e;
    }
  }

  async setPlan(actor: Actor, input: SetBudgetPlan): Promise<BudgetView> {
    const problems: Record<string, string> = {};
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.year = RULE.between('year', 2000, 2100);
    const lines = (input.lines ?? []).map((l) => ({ headingId: l.headingId, amount: parseMoney(l.amount) }));
    if (!lines.length) problems.lines = 'Hãy nhập dự toán cho ít nhất một khoản chi';
    else if (new Set(lines.map((l) => l.headingId)).size !== lines.length) problems.lines = 'Mỗi khoản chi chỉ được ghi một dòng dự toán';
    else if (lines.some((l) => l.amount === null || l.amount < 0n || l.amount > MAX_MONEY))
      problems.lines = `Dự toán mỗi khoản chi phải là số đồng nguyên từ 0 đến ${formatMoneyVi(MAX_MONEY)}`;
    if (Object.keys(problems).length) throw badInput(problems);
    const unit = await this.orgUnits.getVisible(actor, input.orgUnitId);
    await this.db.transaction(async (m) => {
      await ensureHeadings(m, unit.id);
      const known: { id: string }[] = await m.query(`SELECT id FROM budget_heading WHERE org_unit_id = $1 AND id::text = ANY($2::text[])`, [
        unit.id,
        lines.map((l) => l.headingId),
      ]);
      if (known.length !== lines.length) throw badInput({ lines: 'Khoản chi không thuộc đơn vị này' });
      for (const l of lines) {
        await m.query(
          `INSERT INTO budget_plan (heading_id, year, amount, set_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (heading_id, year) DO UPDATE SET amount = EXCLUDED.amount, set_by = EXCLUDED.set_by, set_at = now()`,
          [l.headingId, input.year, l.amount!.toString(), actor.userId],
        );
      }
    });
    return this.budgets.budget(actor, unit.id, input.year);
  }

  async record(actor: Actor, input: RecordBudgetEntry): Promise<BudgetEntryResult> {
    const today = this.calendar.today();
    const problems: Record<string, string> = {};
    const amount = parseMoney(input.amount);
    if (amount === null) problems.amount = 'Số tiền phải là số đồng nguyên (không có phần lẻ)';
    else if (amount <= 0n) problems.amount = 'Số tiền phải lớn hơn 0 (muốn sửa một khoản đã ghi, hãy ghi bút toán đảo)';
    else if (amount > MAX_MONEY) problems.amount = `Số tiền không được quá ${formatMoneyVi(MAX_MONEY)}`;
    if (!isIsoDate(input.spentOn)) problems.spentOn = RULE.realDay('spentOn');
    else if (input.spentOn > today) problems.spentOn = RULE.notAfterToday('spentOn', today);
    else if (input.spentOn < EARLIEST_DAY) problems.spentOn = RULE.notBefore('spentOn', EARLIEST_DAY);
    const voucher = requiredText(problems, 'voucherNumber', input.voucherNumber, 60);
    const note = optionalText('note', input.note, MAX_TEXT, problems);
    if (Object.keys(problems).length) throw badInput(problems);
    const unit = await this.orgUnits.getVisible(actor, input.orgUnitId);

    return this.db.transaction(async (m) => {
      await ensureHeadings(m, unit.id);
      // The heading locked: two entries recorded at once each see the other's amount in the over-plan check.
      const [heading] = await m.query(`SELECT id, active FROM budget_heading WHERE id::text = $1 AND org_unit_id = $2 FOR UPDATE`, [input.headingId, unit.id]);
      const refs: Record<string, string> = {};
      if (!heading) refs.headingId = 'Khoản chi không thuộc đơn vị này';
      else if (!heading.active) refs.headingId = 'Khoản chi này đã ngừng dùng';
      if (input.caseId) {
        const [c] = await m.query(`SELECT o.path FROM founding_case c JOIN org_unit o ON o.id = c.org_unit_id WHERE c.id::text = $1`, [input.caseId]);
        if (!c || !pathInSubtree(c.path, unit.path)) refs.caseId = 'Hồ sơ thành lập CĐCS không thuộc đơn vị này';
      }
      if (input.grassrootsUnionId) {
        const [g] = await m.query(`SELECT path, kind FROM org_unit WHERE id::text = $1`, [input.grassrootsUnionId]);
        if (!g || g.kind !== 'GRASSROOTS' || !pathInSubtree(g.path, unit.path)) refs.grassrootsUnionId = 'Công đoàn cơ sở không thuộc đơn vị này';
      }
      if (Object.keys(refs).length) throw badInput(refs);
      const year = Number(input.spentOn.slice(0, 4));
      const [before] = await headingTotals(m, unit.id, year, heading.id);
      const [row] = await m.query(
        `INSERT INTO budget_entry (org_unit_id, heading_id, spent_on, amount, voucher_number, note, case_id, grassroots_union_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [unit.id, heading.id, input.spentOn, amount!.toString(), voucher, note, input.caseId || null, input.grassrootsUnionId || null, actor.userId],
      );
      return this.result(m, unit.id, year, row.id, overPlan(BigInt(before.spent), amount!, before.planned === null ? null : BigInt(before.planned)));
    });
  }

  async reverse(actor: Actor, input: ReverseBudgetEntry): Promise<BudgetEntryResult> {
    const problems: Record<string, string> = {};
    const reason = requiredText(problems, 'reason', input.reason, MAX_TEXT);
    const voucher = optionalText('voucherNumber', input.voucherNumber, 60, problems);
    if (!/^\d{1,18}$/.test(input.entryId ?? '')) problems.entryId = 'Mã khoản đã ghi không hợp lệ';
    if (Object.keys(problems).length) throw badInput(problems);
    try {
      return await this.db.transaction(async (m) => {
        const [e] = await m.query(
          `SELECT e.id::text, e.org_unit_id, e.heading_id, e.spent_on, e.amount::text, e.voucher_number, e.case_id, e.grassroots_union_id, e.reverses_id, o.path
             FROM budget_entry e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.id = $1`,
          [input.entryId],
        );
        if (!e || !canSeeUnit(actor, e.path)) throw notFound('budgetEntry');
        if (e.reverses_id) throw conflict('Đây là bút toán đảo; không đảo lại được (hãy ghi một khoản chi mới)');
        await m.query(`SELECT id FROM budget_heading WHERE id = $1 FOR UPDATE`, [e.heading_id]);
        // Dated like the entry it undoes: the correction belongs to the same day's spending (and year).
        const [row] = await m.query(
          `INSERT INTO budget_entry (org_unit_id, heading_id, spent_on, amount, voucher_number, note, case_id, grassroots_union_id, reverses_id, recorded_by)
           VALUES ($1, $2, $3, -$4::bigint, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [e.org_unit_id, e.heading_id, e.spent_on, e.amount, voucher ?? e.voucher_number, reason, e.case_id, e.grassroots_union_id, e.id, actor.userId],
        );
        return this.result(m, e.org_unit_id, Number(e.spent_on.slice(0, 4)), row.id, false);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('Khoản này đã được đảo rồi');
      throw err;
    }
  }

  private async result(m: EntityManager, unitId: string, year: number, entryId: string, over: boolean): Promise<BudgetEntryResult> {
    const [entry]: BudgetEntryView[] = await m.query(
      `SELECT ${ENTRY_COLUMNS} FROM budget_entry e JOIN budget_heading h ON h.id = e.heading_id WHERE e.id = $1`,
      [entryId],
    );
    const [heading] = await headingTotals(m, unitId, year, entry.headingId);
    const warning = over
      ? `Khoản chi “${heading.name}” đã vượt dự toán năm ${year}: đã chi ${formatMoneyVi(heading.spent)} trên dự toán ${formatMoneyVi(heading.planned!)} (vượt ${formatMoneyVi(BigInt(heading.spent) - BigInt(heading.planned!))})`
      : null;
    return { entry, heading, warning };
  }
}
