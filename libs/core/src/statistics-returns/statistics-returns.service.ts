import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  NULLABLE_INDICATORS,
  RETURN_INDICATORS,
  ReturnFigures,
  ReturnIndicator,
  ReturnPeriodKind,
  ReturnStatus,
  returnEditable,
  returnFigureProblems,
  returnSubmitTooEarly,
} from '@app/domain';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { AppError, ErrorCode, badInput, conflict, notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { isUuid } from '../identity/account-errors';
import { grassrootsUnit } from '../grassroots/grassroots-scope';
import { FIGURE_COLUMNS, PREFILL_SQL, figuresOf } from './return-figures.sql';
import { ReturnPeriodsService } from './return-periods.service';
import { RETURN_SELECT, ReturnVersionView, StatisticsReturnView, returnOfRow } from './return-view';

export interface ReturnKey {
  grassrootsUnionId: string;
  kind: ReturnPeriodKind;
  year: number;
}

export interface SaveReturn extends ReturnKey {
  /** 0 for a return not saved yet, else the version read. */
  version: number;
  /** The later indicators may be left out (LATER_INDICATORS): the register's value then. */
  figures: Omit<ReturnFigures, LaterIndicator> & Partial<Record<LaterIndicator, number | null>>;
  note?: string | null;
}

/** Indicators a client may omit when saving (docs/architecture.md#party-recommendations-and-union-groups). */
const LATER_INDICATORS = ['partyRecommended', 'partyAdmitted', 'unionGroups', 'leftDissolved'] as const;
type LaterIndicator = (typeof LATER_INDICATORS)[number];

export type ReturnAction = 'SAVE' | 'SUBMIT' | 'ACCEPT' | 'SEND_BACK';

const STALE = 'Báo cáo thống kê vừa được người khác cập nhật — hãy tải lại rồi thử lại';

/**
 * A CĐCS's statistics return (docs/architecture.md#statistics-returns): read (stored, else prefilled from the register),
 * saved with adjustments, submitted (read-only from then), accepted or sent back by the upper level. Every write is one
 * transaction that bumps the version (optimistic: the caller's version must be the current one) and keeps a version row.
 */
@Injectable()
export class StatisticsReturnsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly periods: ReturnPeriodsService,
    private readonly calendar: CalendarService,
  ) {}

  async get(actor: Actor, key: ReturnKey): Promise<StatisticsReturnView> {
    return this.db.transaction('REPEATABLE READ', (m) => this.read(m, actor, key));
  }

  /** The register's figures of one CĐCS for a period (`start` … `end`). */
  async prefill(m: EntityManager, unitId: string, start: string, end: string): Promise<ReturnFigures> {
    const [row] = await m.query(PREFILL_SQL, [[unitId], start, end]);
    return figuresOf(row);
  }

  async versions(returnId: string): Promise<ReturnVersionView[]> {
    const rows = await this.db.query(
      `SELECT version, action, status, figures, note, reason, actor_id AS "actorId", at FROM statistics_return_version WHERE return_id = $1 ORDER BY version`,
      [returnId],
    );
    return rows.map((r: ReturnVersionView & { figures: Record<string, unknown> }) => ({ ...r, figures: figuresOf(r.figures) }));
  }

  private async read(m: EntityManager, actor: Actor, key: ReturnKey): Promise<StatisticsReturnView> {
    this.checkPeriod(key);
    const unit = await grassrootsUnit(m, actor, key.grassrootsUnionId, 'read');
    const [row] = await m.query(
      `SELECT ${RETURN_SELECT} FROM statistics_return r JOIN org_unit o ON o.id = r.grassroots_union_id
        WHERE r.grassroots_union_id = $1 AND r.period_kind = $2 AND r.year = $3`,
      [unit.id, key.kind, key.year],
    );
    if (row) return returnOfRow(row);
    const p = await this.periods.forUnit(m, unit.id, key.kind, key.year);
    return {
      id: null,
      grassrootsUnionId: unit.id,
      grassrootsUnionName: unit.name,
      kind: key.kind,
      year: key.year,
      periodStart: p.start,
      referenceDay: p.end,
      dueOn: p.dueOn,
      status: 'DRAFT',
      version: 0,
      figures: await this.prefill(m, unit.id, p.start, p.end),
      note: null,
      sentBackReason: null,
      firstSubmittedAt: null,
      submittedAt: null,
      decidedAt: null,
      late: false,
    };
  }

  private checkPeriod(key: ReturnKey): void {
    const problems = new FieldProblems();
    if (key.kind !== 'HALF_YEAR' && key.kind !== 'YEAR') problems.add('kind', 'Kỳ báo cáo phải là 6 tháng hoặc năm');
    if (!Number.isInteger(key.year) || key.year < 2000 || key.year > 2100) problems.add('year', 'Năm báo cáo phải từ 2000 đến 2100');
    problems.throwIfAny();
  }

  /** Saves the CĐCS's figures (a draft, or a sent-back return being corrected): the CĐCS itself (GRASSROOTS) or ADMIN. */
  async save(actor: Actor, input: SaveReturn): Promise<StatisticsReturnView> {
    return this.db.transaction(async (m) => {
      this.checkPeriod(input);
      const unit = await grassrootsUnit(m, actor, input.grassrootsUnionId, 'write', true);
      const current = await this.read(m, actor, input);
      if (!returnEditable(current.status)) throw readOnly(current.status);
      if (input.version !== current.version) throw conflict(STALE, { reason: 'STALE_VERSION', currentVersion: current.version });
      const prefill = await this.prefill(m, unit.id, current.periodStart, current.referenceDay);
      const note = input.note?.trim() || null;
      // Indicators added after the form's first twelve may be left out by a client: the register's value then.
      const given = { ...input.figures } as Record<ReturnIndicator, number | null | undefined>;
      for (const k of LATER_INDICATORS) if (given[k] === undefined || (given[k] === null && !NULLABLE_INDICATORS.includes(k))) given[k] = prefill[k];
      const figures = given as ReturnFigures;
      const problems = returnFigureProblems(figures, prefill, note);
      if (Object.keys(problems).length)
        throw badInput(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k === 'note' ? 'note' : `figures.${k}`, v])));
      const values = RETURN_INDICATORS.map((k) => figures[k]);
      let id = current.id;
      if (!id) {
        const cols = FIGURE_COLUMNS.map((c) => `"${c}"`).join(', ');
        const marks = values.map((_, i) => `$${i + 9}`).join(', ');
        [{ id }] = await m.query(
          `INSERT INTO statistics_return (grassroots_union_id, period_kind, year, period_start, reference_day, due_on, status, note, updated_by, ${cols})
           VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', $7, $8, ${marks}) RETURNING id`,
          [unit.id, input.kind, input.year, current.periodStart, current.referenceDay, current.dueOn, note, actor.userId, ...values],
        );
      } else {
        await m.query(
          `UPDATE statistics_return SET ${FIGURE_COLUMNS.map((c, i) => `"${c}" = $${i + 4}`).join(', ')}, note = $2, updated_by = $3,
                  version = version + 1, updated_at = now() WHERE id = $1`,
          [id, note, actor.userId, ...values],
        );
      }
      return this.recorded(m, actor, id!, 'SAVE', null);
    });
  }

  submit(actor: Actor, id: string, version: number): Promise<StatisticsReturnView> {
    return this.change(actor, id, version, 'SUBMIT', null);
  }

  accept(actor: Actor, id: string, version: number): Promise<StatisticsReturnView> {
    return this.change(actor, id, version, 'ACCEPT', null);
  }

  sendBack(actor: Actor, id: string, version: number, reason: string): Promise<StatisticsReturnView> {
    const r = (reason ?? '').trim();
    if (!r) throw badInput({ reason: 'Cần ghi lý do trả lại báo cáo để CĐCS sửa' });
    if (r.length > 2000) throw badInput({ reason: 'Lý do trả lại tối đa 2000 ký tự' });
    return this.change(actor, id, version, 'SEND_BACK', r);
  }

  /** Submit (the CĐCS or ADMIN), accept or send back (SUPERVISOR of an ancestor, ADMIN): the status moves and a version is kept. */
  private async change(actor: Actor, id: string, version: number, action: ReturnAction, reason: string | null): Promise<StatisticsReturnView> {
    return this.db.transaction(async (m) => {
      const [row] = isUuid(id)
        ? await m.query(
            `SELECT r.status, r.version, r.grassroots_union_id AS g, o.path, to_char(r.reference_day, 'YYYY-MM-DD') AS ref FROM statistics_return r JOIN org_unit o ON o.id = r.grassroots_union_id WHERE r.id = $1 FOR UPDATE OF r`,
            [id],
          )
        : [];
      if (!row) throw notFound('statisticsReturn');
      const own = actor.role === Role.GRASSROOTS ? row.g === actor.orgUnitId : canSeeUnit(actor, row.path);
      if (!own) throw notFound('statisticsReturn');
      const status = row.status as ReturnStatus;
      if (action === 'SUBMIT') {
        if (actor.role !== Role.GRASSROOTS && actor.role !== Role.ADMIN) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ CĐCS gửi báo cáo thống kê của mình');
        if (!returnEditable(status)) throw readOnly(status);
      } else {
        if (actor.role !== Role.SUPERVISOR && actor.role !== Role.ADMIN)
          throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ công đoàn cấp trên duyệt báo cáo thống kê');
        if (status !== 'SUBMITTED')
          throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, `Chỉ duyệt hoặc trả lại báo cáo đã gửi; báo cáo này ${STATUS_VI[status]}`, { status });
      }
      if (Number(row.version) !== version) throw conflict(STALE, { reason: 'STALE_VERSION', currentVersion: Number(row.version) });
      // Figures are as at the reference day: a return goes up from that day on (saving a draft earlier is fine).
      const early = action === 'SUBMIT' ? returnSubmitTooEarly(row.ref, this.calendar.today()) : null;
      if (early) throw new AppError(ErrorCode.BAD_USER_INPUT, early, { reason: 'BEFORE_REFERENCE_DAY', referenceDay: row.ref });
      const set =
        action === 'SUBMIT'
          ? `status = 'SUBMITTED', submitted_at = now(), first_submitted_at = coalesce(first_submitted_at, now()), sent_back_reason = NULL`
          : action === 'ACCEPT'
            ? `status = 'ACCEPTED', decided_at = now(), decided_by = $2`
            : `status = 'SENT_BACK', decided_at = now(), decided_by = $2, sent_back_reason = $3`;
      const params = action === 'SUBMIT' ? [id] : action === 'ACCEPT' ? [id, actor.userId] : [id, actor.userId, reason];
      await m.query(`UPDATE statistics_return SET ${set}, version = version + 1, updated_at = now() WHERE id = $1`, params);
      return this.recorded(m, actor, id, action, reason);
    });
  }

  /** Keeps the version just written and answers the return. */
  private async recorded(m: EntityManager, actor: Actor, id: string, action: ReturnAction, reason: string | null): Promise<StatisticsReturnView> {
    const [row] = await m.query(`SELECT ${RETURN_SELECT} FROM statistics_return r JOIN org_unit o ON o.id = r.grassroots_union_id WHERE r.id = $1`, [id]);
    const view = returnOfRow(row);
    await m.query(
      `INSERT INTO statistics_return_version (return_id, version, action, status, figures, note, reason, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, view.version, action, view.status, JSON.stringify(view.figures), view.note, reason, actor.userId],
    );
    return view;
  }
}

const STATUS_VI: Record<ReturnStatus, string> = { DRAFT: 'chưa gửi', SUBMITTED: 'đã gửi', SENT_BACK: 'đã bị trả lại', ACCEPTED: 'đã được duyệt' };

const readOnly = (status: ReturnStatus) =>
  new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, `Báo cáo thống kê ${STATUS_VI[status]} nên không sửa hoặc gửi lại được`, { status });
