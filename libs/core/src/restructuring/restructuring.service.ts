import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IsoDate, OrgChangeKind, OrgChangeStatus } from '@app/domain';
import { OrgUnitEntity, auditContext } from '@app/persistence';
import { JobName } from '@app/queue';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { AppError, ErrorCode, conflict } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { MAX_NAME } from '../common/text-input';
import { CalendarService } from '../calendar/calendar.service';
import { jobAuditContext, openAuditRow } from '../audit/job-audit';
import { isUuid, unitNotFound } from '../identity/account-errors';
import { applyChange, checkChange } from './restructuring-check';
import { idList, newUnitOf, policies } from './restructuring-inputs';
import { splitPartsOf } from './restructuring-split';
import {
  CHANGE_COLUMNS,
  ChangeCommon,
  ChangePayload,
  ChangeOrgUnitLevel,
  DissolveOrgUnit,
  FoundOrgUnit,
  MAX_DECISION_REFERENCE,
  MergeOrgUnits,
  MoveOrgUnit,
  OrgUnitChange,
  RESTRUCTURE_LOCK,
  RenameOrgUnitOn,
  STATUS_VI,
  SplitOrgUnit,
  TransferOrgUnits,
  appliedUnitIds,
  changeOf,
} from './restructuring.types';
import { viOrder } from '../common/vietnamese-order';
import { RawRow } from '../common/prepared-sql';
import { unitFromRow } from '../identity/org-structure.service';

/**
 * Restructuring (docs/architecture.md#restructuring): units founded, moved (one or many by one decision), renamed,
 * dissolved and merged on a day, each change kept with its decision; a change effective today or earlier (at most
 * MAX_BACKDATED_DAYS back, never into a closed month) applies at once, a later one is scheduled and applied by the
 * worker at the start of its day (`applyDue`), once. ADMIN only; the history is read by whoever sees the unit.
 */
@Injectable()
export class RestructuringService {
  private readonly log = new Logger(RestructuringService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  move(actor: Actor, input: MoveOrgUnit): Promise<OrgUnitChange> {
    return this.transfer(actor, { ...input, ids: [input.id] }, 'id');
  }

  /** Many units under one new parent by one decision (e.g. a commune union receiving the CĐCS of a district). */
  transfer(actor: Actor, input: TransferOrgUnits, idField = 'ids'): Promise<OrgUnitChange> {
    const problems = new FieldProblems();
    const ids = idList(input.ids, idField, problems);
    const payload: ChangePayload = { ids, newParentId: input.newParentId, summary: '' };
    return this.submit(actor, OrgChangeKind.MOVE, input, payload, problems);
  }

  rename(actor: Actor, input: RenameOrgUnitOn): Promise<OrgUnitChange> {
    const problems = new FieldProblems();
    const name = (input.name ?? '').normalize('NFC').trim();
    if (!name) problems.add('name', 'Tên đơn vị không được để trống');
    else if (name.length > MAX_NAME) problems.add('name', `Tên đơn vị không được dài quá ${MAX_NAME} ký tự`);
    return this.submit(actor, OrgChangeKind.RENAME, input, { ids: [input.id], name, summary: '' }, problems);
  }

  found(actor: Actor, input: FoundOrgUnit): Promise<OrgUnitChange> {
    const problems = new FieldProblems();
    const newUnit = newUnitOf(input, '', problems);
    return this.submit(actor, OrgChangeKind.FOUND, input, { ids: [], newUnit, summary: '' }, problems);
  }

  dissolve(actor: Actor, input: DissolveOrgUnit): Promise<OrgUnitChange> {
    const problems = new FieldProblems();
    const policy = policies(input, problems);
    return this.submit(actor, OrgChangeKind.DISSOLVE, input, { ids: [input.id], transferTo: input.transferTo ?? null, ...policy, summary: '' }, problems);
  }

  upgrade(actor: Actor, input: ChangeOrgUnitLevel): Promise<OrgUnitChange> {
    return this.submit(actor, OrgChangeKind.UPGRADE, input, { ids: [input.id], newParentId: input.newParentId ?? undefined, summary: '' }, new FieldProblems());
  }

  downgrade(actor: Actor, input: ChangeOrgUnitLevel): Promise<OrgUnitChange> {
    return this.submit(
      actor,
      OrgChangeKind.DOWNGRADE,
      input,
      { ids: [input.id], newParentId: input.newParentId ?? undefined, summary: '' },
      new FieldProblems(),
    );
  }

  merge(actor: Actor, input: MergeOrgUnits): Promise<OrgUnitChange> {
    const problems = new FieldProblems();
    const ids = idList(input.ids, 'ids', problems);
    const policy = policies(input, problems);
    if (!!input.into === !!input.newUnit) problems.add('into', 'Hãy chọn đúng một trong hai: đơn vị nhận sáp nhập hoặc đơn vị mới hợp nhất');
    const newUnit = input.newUnit ? newUnitOf(input.newUnit, 'newUnit.', problems) : null;
    if (input.into && ids.includes(input.into)) problems.add('into', 'Không thể sáp nhập một đơn vị vào chính nó');
    const kind = newUnit ? OrgChangeKind.CONSOLIDATE : OrgChangeKind.MERGE;
    return this.submit(actor, kind, input, { ids, into: input.into ?? null, newUnit, ...policy, summary: '' }, problems);
  }

  /**
   * Chia tách: new units founded on the day, each taking what its part lists; the unit is dissolved into the first
   * part (what no part lists goes there) unless `keepOriginal` (tách: the unit goes on with the rest).
   */
  split(actor: Actor, input: SplitOrgUnit): Promise<OrgUnitChange> {
    const problems = new FieldProblems();
    const keepOriginal = !!input.keepOriginal;
    const parts = splitPartsOf(input.parts, keepOriginal, problems);
    const policy = policies(input, problems);
    return this.submit(actor, OrgChangeKind.SPLIT, input, { ids: [input.id], parts, keepOriginal, ...policy, summary: '' }, problems);
  }

  /** A scheduled change no longer wanted: CANCELLED; one already applied, failed or cancelled answers CONFLICT. */
  async cancel(actor: Actor, id: string): Promise<OrgUnitChange> {
    if (!/^\d{1,18}$/.test(String(id))) throw new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy thay đổi tổ chức');
    await this.db.transaction(async (m) => {
      const [c] = await m.query(`SELECT status FROM org_unit_change WHERE id = $1 FOR UPDATE`, [id]);
      if (!c) throw new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy thay đổi tổ chức');
      if (c.status !== OrgChangeStatus.SCHEDULED)
        throw conflict(`Chỉ hủy được thay đổi chưa có hiệu lực (thay đổi này: ${STATUS_VI[c.status as OrgChangeStatus]})`);
      await m.query(`UPDATE org_unit_change SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = now() WHERE id = $1`, [id, actor.userId]);
    });
    return this.changeById(id);
  }

  /**
   * The worker's start of day: applies every scheduled change due by `today`, oldest day first, each in its own
   * transaction under RESTRUCTURE_LOCK with its row locked and its status checked, so two workers apply it once.
   * A change that no longer fits the structure is FAILED with the reason. Returns how many were applied.
   */
  async applyDue(today: IsoDate = this.calendar.today()): Promise<{ applied: number; failed: number }> {
    let applied = 0;
    let failed = 0;
    for (;;) {
      const outcome = await this.db.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock($1)`, [RESTRUCTURE_LOCK]);
        const [c] = await m.query(
          `SELECT c.id::text, c.kind, to_char(c.effective_on, 'YYYY-MM-DD') AS effective_on, c.payload, c.created_by,
                  u.email AS author_email, u.role AS author_role, u.org_unit_id AS author_unit_id
             FROM org_unit_change c LEFT JOIN app_user u ON u.id = c.created_by
            WHERE c.status = 'SCHEDULED' AND c.effective_on <= $1 ORDER BY c.effective_on, c.id LIMIT 1 FOR UPDATE OF c`,
          [today],
        );
        if (!c) return null;
        // Audited as the change's author's (docs/architecture.md#audit-log): one row naming the change, its effects beneath.
        const author = c.created_by ? { id: c.created_by, email: c.author_email, role: c.author_role, org_unit_id: c.author_unit_id } : null;
        const audit = jobAuditContext(`job ${JobName.APPLY_ORG_UNIT_CHANGES}`, c.id, author);
        return auditContext.run(audit, async () => {
          await openAuditRow(m, audit, 'org_unit_change', c.id);
          try {
            await m.query('SAVEPOINT apply_change');
            const result = await checkChange(m, c.kind, c.effective_on, c.payload, today, true);
            const done = await applyChange(m, c.id, c.kind, c.effective_on, c.payload, c.created_by, result);
            await m.query(`UPDATE org_unit_change SET status = 'APPLIED', applied_at = now(), result = $2, unit_ids = $3::uuid[] WHERE id = $1`, [
              c.id,
              JSON.stringify(done),
              appliedUnitIds(result.unitIds, done),
            ]);
            return 'applied';
          } catch (e) {
            await m.query('ROLLBACK TO SAVEPOINT apply_change');
            const why = e instanceof AppError ? e.message : 'Lỗi khi áp dụng thay đổi';
            if (!(e instanceof AppError)) this.log.error(`org_unit_change ${c.id} failed: ${(e as Error).message}`);
            await m.query(`UPDATE org_unit_change SET status = 'FAILED', failure = $2 WHERE id = $1`, [c.id, why]);
            return 'failed';
          }
        });
      });
      if (!outcome) return { applied, failed };
      if (outcome === 'applied') applied++;
      else failed++;
    }
  }

  /** Every change of a unit (as subject, receiver, old or new parent), latest effective day first; NOT_FOUND outside scope. */
  async history(actor: Actor, unitId: string): Promise<OrgUnitChange[]> {
    await this.visibleUnit(actor, unitId);
    const rows = await this.db.query(
      `SELECT ${CHANGE_COLUMNS} FROM org_unit_change c JOIN app_user u ON u.id = c.created_by
        WHERE c.unit_ids @> ARRAY[$1]::uuid[] ORDER BY c.effective_on DESC, c.id DESC`,
      [unitId],
    );
    return rows.map(changeOf);
  }

  /**
   * The changes scheduled (not yet applied) for units of the subtree under `rootId` (default: the caller's unit; an
   * OFFICER's own unit only), effective on or before `until` when given, earliest first: what a tree "as of" a later day
   * does not show yet, since a scheduled change is applied on its day (docs/architecture.md#restructuring).
   */
  async scheduled(actor: Actor, rootId: string | null | undefined, until: IsoDate | null | undefined): Promise<OrgUnitChange[]> {
    const root = await this.visibleUnit(actor, rootId ?? actor.orgUnitId);
    if (actor.role === Role.OFFICER && root.id !== actor.orgUnitId) throw unitNotFound();
    const officer = actor.role === Role.OFFICER;
    const rows = await this.db.query(
      `SELECT ${CHANGE_COLUMNS} FROM org_unit_change c JOIN app_user u ON u.id = c.created_by
        WHERE c.status = 'SCHEDULED' AND ($1::date IS NULL OR c.effective_on <= $1::date)
          AND c.unit_ids && ${officer ? `ARRAY[$2]::uuid[]` : `ARRAY(SELECT o.id FROM org_unit o WHERE o.path = $2 OR o.path LIKE $3)`}
        ORDER BY c.effective_on, c.id LIMIT 500`,
      [until ?? null, ...(officer ? [root.id] : [root.path, subtreeLike(root.path)])],
    );
    return rows.map(changeOf);
  }

  /**
   * The tree under `rootId` (default: the caller's unit) as it stood on `asOf`, from the spans: names and parents of
   * that day, units not yet founded or already dissolved left out. The root is checked against today's scope.
   */
  async treeAsOf(actor: Actor, rootId: string | null | undefined, asOf: IsoDate): Promise<OrgUnitEntity[]> {
    const root = await this.visibleUnit(actor, rootId ?? actor.orgUnitId);
    if (actor.role === Role.OFFICER && root.id !== actor.orgUnitId) throw unitNotFound();
    const rows: RawRow[] = await this.db.query(
      `SELECT s.unit_id AS id, s.name, coalesce(s.kind, o.kind) AS kind, s.parent_id, s.path, o.dissolved_at, o.established_on, o.created_at
           FROM org_unit_span s JOIN org_unit o ON o.id = s.unit_id
          WHERE s.lineage @> ARRAY[$1]::uuid[] AND s.valid_from <= $2::date AND (s.valid_to IS NULL OR s.valid_to > $2::date) AND NOT s.dissolved
            ${actor.role === Role.OFFICER ? 'AND s.unit_id = $1' : ''}
          ORDER BY cardinality(s.lineage), ${viOrder('s.name')}, s.unit_id LIMIT 5001`,
      [root.id, asOf],
    );
    return rows.map((r) => unitFromRow(this.db, r));
  }

  async changeById(id: string): Promise<OrgUnitChange> {
    const [row] = await this.db.query(`SELECT ${CHANGE_COLUMNS} FROM org_unit_change c JOIN app_user u ON u.id = c.created_by WHERE c.id = $1`, [id]);
    return changeOf(row);
  }

  // ——— the write path ———

  private async submit(actor: Actor, kind: OrgChangeKind, input: ChangeCommon, payload: ChangePayload, problems: FieldProblems): Promise<OrgUnitChange> {
    const decisionReference = (input.decisionReference ?? '').normalize('NFC').trim();
    if (!decisionReference) problems.add('decisionReference', 'Số quyết định không được để trống (ví dụ "Quyết định số 12/QĐ-LĐLĐ")');
    else if (decisionReference.length > MAX_DECISION_REFERENCE)
      problems.add('decisionReference', `Số quyết định không được dài quá ${MAX_DECISION_REFERENCE} ký tự`);
    problems.throwIfAny();
    const today = this.calendar.today();
    const id = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [RESTRUCTURE_LOCK]);
      const checked = await checkChange(m, kind, input.effectiveOn, payload, today, false);
      payload.summary = checked.summary;
      // FOUND makes its unit at once (so later changes can name it); it exists from its day on.
      const due = input.effectiveOn <= today || kind === OrgChangeKind.FOUND;
      const [{ id }] = await m.query(
        `INSERT INTO org_unit_change (kind, effective_on, decision_reference, status, unit_ids, payload, created_by)
         VALUES ($1, $2, $3, 'SCHEDULED', $4::uuid[], $5, $6) RETURNING id::text`,
        [kind, input.effectiveOn, decisionReference, checked.unitIds, JSON.stringify(payload), actor.userId],
      );
      if (due) {
        const done = await applyChange(m, id, kind, input.effectiveOn, payload, actor.userId, checked);
        await m.query(`UPDATE org_unit_change SET status = 'APPLIED', applied_at = now(), result = $2, unit_ids = $3::uuid[] WHERE id = $1`, [
          id,
          JSON.stringify(done),
          appliedUnitIds(checked.unitIds, done),
        ]);
      }
      return id;
    });
    return this.changeById(id);
  }

  /** Checks a change against the structure as `m` sees it; every refusal names why and changes nothing. */
  private async visibleUnit(actor: Actor, id: string): Promise<{ id: string; path: string }> {
    const [u] = isUuid(id) ? await this.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [id]) : [];
    if (!u || !canSeeUnit(actor, u.path)) throw unitNotFound();
    return u;
  }
}
