import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IsoDate, ORG_CHANGE_KIND_LABEL_VI, OrgChangeKind, OrgChangeStatus, effectiveDayProblem, wouldCycle } from '@app/domain';
import { OrgUnitEntity, auditContext } from '@app/persistence';
import { JobName } from '@app/queue';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { AppError, ErrorCode, conflict } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { dayMonthYear } from '../common/messages-vi';
import { MAX_NAME } from '../common/text-input';
import { CalendarService } from '../calendar/calendar.service';
import { jobAuditContext, openAuditRow } from '../audit/job-audit';
import { isUuid, unitNotFound } from '../identity/account-errors';
import { DissolveResult, OfficersPolicy, TargetsPolicy, dissolveUnit, foundUnit, moveUnit, orphansOf, renameUnit } from './restructuring-apply';
import { changeLevel, checkLevelChange } from './restructuring-levels';

/** Every structural write runs under this transaction lock: changes apply one after another (no cycle by a race). */
export const RESTRUCTURE_LOCK = 724_020;
const MAX_DECISION_REFERENCE = 200;
const MAX_UNITS_PER_CHANGE = 5000;
const KINDS = ['CONFEDERATION', 'FEDERATION', 'UPPER_LEVEL', 'GRASSROOTS'];

export interface ChangeCommon {
  effectiveOn: string;
  decisionReference: string;
}
export interface MoveOrgUnit extends ChangeCommon {
  id: string;
  newParentId: string;
}
export interface TransferOrgUnits extends ChangeCommon {
  ids: string[];
  newParentId: string;
}
export interface RenameOrgUnitOn extends ChangeCommon {
  id: string;
  name: string;
}
export interface NewUnit {
  name: string;
  kind: string;
  parentId: string;
}
export interface FoundOrgUnit extends ChangeCommon, NewUnit {}
/** A unit's level one step up (UPGRADE) or down (DOWNGRADE), under `newParentId` at once when given. */
export interface ChangeOrgUnitLevel extends ChangeCommon {
  id: string;
  newParentId?: string | null;
}
export interface DissolveOrgUnit extends ChangeCommon {
  id: string;
  transferTo?: string | null;
  officers?: OfficersPolicy | null;
  targets?: TargetsPolicy | null;
}
export interface MergeOrgUnits extends ChangeCommon {
  ids: string[];
  into?: string | null;
  newUnit?: NewUnit | null;
  officers?: OfficersPolicy | null;
  targets?: TargetsPolicy | null;
}

/** What a change does, as stored (`org_unit_change.payload`). */
interface ChangePayload {
  ids: string[];
  newParentId?: string;
  name?: string;
  transferTo?: string | null;
  into?: string | null;
  newUnit?: NewUnit | null;
  officers?: OfficersPolicy;
  targets?: TargetsPolicy;
  summary: string;
}

export interface OrgUnitChange {
  id: string;
  kind: OrgChangeKind;
  kindLabel: string;
  status: OrgChangeStatus;
  effectiveOn: IsoDate;
  decisionReference: string;
  summary: string;
  unitIds: string[];
  createdById: string;
  createdByName: string;
  createdAt: Date;
  appliedAt: Date | null;
  cancelledAt: Date | null;
  failure: string | null;
  result: Record<string, unknown> | null;
}

interface UnitRow {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  dissolved_at: Date | null;
  /** The first day of its open span (its latest dated change), '-infinity' when never changed. */
  since: string;
  /** The first day it exists ('-infinity': not dated). */
  began: string;
}

const CHANGE_COLUMNS = `c.id::text, c.kind, c.status, to_char(c.effective_on, 'YYYY-MM-DD') AS effective_on, c.decision_reference, c.payload, c.unit_ids,
  c.created_by, u.full_name AS created_by_name, c.created_at, c.applied_at, c.cancelled_at, c.failure, c.result`;

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
    const ids = this.idList(input.ids, idField, problems);
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
    const newUnit = this.newUnitOf(input, '', problems);
    return this.submit(actor, OrgChangeKind.FOUND, input, { ids: [], newUnit, summary: '' }, problems);
  }

  dissolve(actor: Actor, input: DissolveOrgUnit): Promise<OrgUnitChange> {
    const problems = new FieldProblems();
    const policy = this.policies(input, problems);
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
    const ids = this.idList(input.ids, 'ids', problems);
    const policy = this.policies(input, problems);
    if (!!input.into === !!input.newUnit) problems.add('into', 'Hãy chọn đúng một trong hai: đơn vị nhận sáp nhập hoặc đơn vị mới hợp nhất');
    const newUnit = input.newUnit ? this.newUnitOf(input.newUnit, 'newUnit.', problems) : null;
    if (input.into && ids.includes(input.into)) problems.add('into', 'Không thể sáp nhập một đơn vị vào chính nó');
    const kind = newUnit ? OrgChangeKind.CONSOLIDATE : OrgChangeKind.MERGE;
    return this.submit(actor, kind, input, { ids, into: input.into ?? null, newUnit, ...policy, summary: '' }, problems);
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
            const result = await this.check(m, c.kind, c.effective_on, c.payload, today, true);
            const done = await this.apply(m, c.id, c.kind, c.effective_on, c.payload, c.created_by, result);
            await m.query(`UPDATE org_unit_change SET status = 'APPLIED', applied_at = now(), result = $2, unit_ids = $3::uuid[] WHERE id = $1`, [
              c.id,
              JSON.stringify(done),
              [...new Set([...result.unitIds, ...(done.newUnitId ? [done.newUnitId as string] : [])])],
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
   * The tree under `rootId` (default: the caller's unit) as it stood on `asOf`, from the spans: names and parents of
   * that day, units not yet founded or already dissolved left out. The root is checked against today's scope.
   */
  async treeAsOf(actor: Actor, rootId: string | null | undefined, asOf: IsoDate): Promise<OrgUnitEntity[]> {
    const root = await this.visibleUnit(actor, rootId ?? actor.orgUnitId);
    if (actor.role === Role.OFFICER && root.id !== actor.orgUnitId) throw unitNotFound();
    const rows: { id: string; name: string; kind: string; parent_id: string | null; path: string; dissolved_at: Date | null; created_at: Date }[] =
      await this.db.query(
        `SELECT s.unit_id AS id, s.name, coalesce(s.kind, o.kind) AS kind, s.parent_id, s.path, o.dissolved_at, o.created_at
           FROM org_unit_span s JOIN org_unit o ON o.id = s.unit_id
          WHERE s.lineage @> ARRAY[$1]::uuid[] AND s.valid_from <= $2::date AND (s.valid_to IS NULL OR s.valid_to > $2::date) AND NOT s.dissolved
            ${actor.role === Role.OFFICER ? 'AND s.unit_id = $1' : ''}
          ORDER BY cardinality(s.lineage), s.name, s.unit_id LIMIT 5001`,
        [root.id, asOf],
      );
    const repo = this.db.getRepository(OrgUnitEntity);
    return rows.map((r) =>
      repo.create({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path, dissolvedAt: r.dissolved_at, createdAt: r.created_at }),
    );
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
      const checked = await this.check(m, kind, input.effectiveOn, payload, today, false);
      payload.summary = checked.summary;
      // FOUND makes its unit at once (so later changes can name it); it exists from its day on.
      const due = input.effectiveOn <= today || kind === OrgChangeKind.FOUND;
      const [{ id }] = await m.query(
        `INSERT INTO org_unit_change (kind, effective_on, decision_reference, status, unit_ids, payload, created_by)
         VALUES ($1, $2, $3, 'SCHEDULED', $4::uuid[], $5, $6) RETURNING id::text`,
        [kind, input.effectiveOn, decisionReference, checked.unitIds, JSON.stringify(payload), actor.userId],
      );
      if (due) {
        const done = await this.apply(m, id, kind, input.effectiveOn, payload, actor.userId, checked);
        await m.query(`UPDATE org_unit_change SET status = 'APPLIED', applied_at = now(), result = $2, unit_ids = $3::uuid[] WHERE id = $1`, [
          id,
          JSON.stringify(done),
          [...new Set([...checked.unitIds, ...(done.newUnitId ? [done.newUnitId as string] : [])])],
        ]);
      }
      return id;
    });
    return this.changeById(id);
  }

  /** Checks a change against the structure as `m` sees it; every refusal names why and changes nothing. */
  private async check(
    m: EntityManager,
    kind: OrgChangeKind,
    effectiveOn: string,
    payload: ChangePayload,
    today: IsoDate,
    applying: boolean,
  ): Promise<{ unitIds: string[]; summary: string }> {
    const problems = new FieldProblems();
    const [{ closed }] = await m.query(`SELECT to_char(max(closed_on), 'YYYY-MM-DD') AS closed FROM period_close`);
    // A scheduled change is judged again on its day: only the structure may have changed since.
    const dayProblem = applying ? null : effectiveDayProblem(effectiveOn, today, closed, null);
    if (dayProblem) problems.add('effectiveOn', dayProblem);
    problems.throwIfAny();
    const on = effectiveOn;
    const single = [OrgChangeKind.MOVE, OrgChangeKind.UPGRADE, OrgChangeKind.DOWNGRADE].includes(kind) && payload.ids.length === 1;
    const idField = single ? 'id' : 'ids';
    const subjects = await this.units(m, payload.ids);
    for (const [i, id] of payload.ids.entries()) {
      const u = subjects.get(id);
      if (!u) throw new AppError(ErrorCode.NOT_FOUND, payload.ids.length > 1 ? `Không tìm thấy đơn vị thứ ${i + 1} trong danh sách` : 'Không tìm thấy đơn vị');
      if (u.dissolved_at) problems.add(idField, `${u.name} đã giải thể`);
      if (u.since > on && u.since !== '-infinity')
        problems.add('effectiveOn', `${u.name} đã có thay đổi hoặc bắt đầu tồn tại từ ngày ${dayMonthYear(u.since)}: ngày hiệu lực không được trước ngày đó`);
    }
    problems.throwIfAny();
    const ref = async (field: string, id: string | null | undefined, label: string): Promise<UnitRow | null> => {
      if (!id) return null;
      const u = isUuid(id) ? (await this.units(m, [id])).get(id) : undefined;
      if (!u) {
        problems.add(field, `Không tìm thấy ${label}`);
        return null;
      }
      if (u.dissolved_at) problems.add(field, `${label[0].toUpperCase()}${label.slice(1)} (${u.name}) đã giải thể`);
      else if (u.began !== '-infinity' && u.began > on) problems.add(field, `${u.name} chỉ tồn tại từ ngày ${dayMonthYear(u.began)}, sau ngày hiệu lực`);
      return u;
    };
    const unitIds = new Set(payload.ids);
    for (const u of subjects.values()) if (u.parent_id) unitIds.add(u.parent_id);
    let summary = '';
    const names = [...subjects.values()].map((u) => u.name);
    const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')} và ${names.length - 3} đơn vị khác` : names.join(', ');
    switch (kind) {
      case OrgChangeKind.MOVE: {
        const p = await ref('newParentId', payload.newParentId, 'đơn vị cấp trên mới');
        if (p) {
          if (p.kind === 'GRASSROOTS') problems.add('newParentId', 'CĐCS không có đơn vị trực thuộc: hãy chọn một công đoàn cấp trên');
          for (const u of subjects.values()) {
            if (u.id === p.id) problems.add('newParentId', `Không thể chuyển ${u.name} vào chính nó`);
            else if (wouldCycle(u.id, p.path))
              problems.add('newParentId', `${p.name} nằm trong ${u.name}: không thể chuyển một đơn vị vào đơn vị cấp dưới của nó`);
            else if (u.parent_id === p.id) problems.add(idField, `${u.name} đã trực thuộc ${p.name}`);
            if (!u.parent_id) problems.add(idField, `${u.name} là đơn vị gốc, không chuyển được`);
          }
          unitIds.add(p.id);
          summary = `Chuyển ${listed} về trực thuộc ${p.name}`;
        }
        break;
      }
      case OrgChangeKind.RENAME: {
        const u = subjects.get(payload.ids[0])!;
        if (u.name === payload.name) problems.add('name', `Đơn vị đã mang tên ${u.name}`);
        summary = `Đổi tên ${u.name} thành ${payload.name}`;
        break;
      }
      case OrgChangeKind.UPGRADE:
      case OrgChangeKind.DOWNGRADE: {
        const p = await ref('newParentId', payload.newParentId, 'đơn vị cấp trên mới');
        if (p) unitIds.add(p.id);
        summary = await checkLevelChange(m, kind, subjects.get(payload.ids[0])!, p, problems);
        break;
      }
      case OrgChangeKind.FOUND: {
        const p = await ref('parentId', payload.newUnit!.parentId, 'đơn vị cấp trên');
        if (p?.kind === 'GRASSROOTS') problems.add('parentId', 'CĐCS không có đơn vị trực thuộc: hãy chọn một công đoàn cấp trên');
        if (p) unitIds.add(p.id);
        summary = `Thành lập ${payload.newUnit!.name}${p ? ` trực thuộc ${p.name}` : ''}`;
        break;
      }
      case OrgChangeKind.DISSOLVE:
      case OrgChangeKind.MERGE:
      case OrgChangeKind.CONSOLIDATE: {
        const single = kind === OrgChangeKind.DISSOLVE;
        const field = single ? 'transferTo' : payload.into ? 'into' : 'newUnit.parentId';
        let target: UnitRow | null = null;
        if (single) target = await ref('transferTo', payload.transferTo, 'đơn vị tiếp nhận');
        else if (payload.into) target = await ref('into', payload.into, 'đơn vị nhận sáp nhập');
        else {
          const p = await ref('newUnit.parentId', payload.newUnit!.parentId, 'đơn vị cấp trên của đơn vị mới');
          if (p?.kind === 'GRASSROOTS') problems.add('newUnit.parentId', 'CĐCS không có đơn vị trực thuộc: hãy chọn một công đoàn cấp trên');
          if (p) {
            unitIds.add(p.id);
            for (const u of subjects.values()) if (wouldCycle(u.id, p.path)) problems.add(field, `${p.name} nằm trong ${u.name}, đơn vị sẽ giải thể`);
          }
        }
        if (target) {
          unitIds.add(target.id);
          if (target.kind === 'GRASSROOTS' && subjects.size && [...subjects.values()].some((u) => u.kind !== 'GRASSROOTS'))
            problems.add(field, 'CĐCS không tiếp nhận được đơn vị cấp trên');
          for (const u of subjects.values()) {
            if (u.id === target.id) problems.add(field, single ? `Không thể chuyển ${u.name} cho chính nó` : `Không thể sáp nhập ${u.name} vào chính nó`);
            else if (wouldCycle(u.id, target.path)) problems.add(field, `${target.name} nằm trong ${u.name}, đơn vị sẽ giải thể`);
          }
        }
        // The children that will follow are concerned too (their history shows the change).
        const children: { id: string }[] = await m.query(`SELECT id FROM org_unit WHERE parent_id = ANY($1::uuid[]) AND dissolved_at IS NULL`, [payload.ids]);
        for (const ch of children) unitIds.add(ch.id);
        if (single && !payload.transferTo && subjects.size) {
          const u = subjects.get(payload.ids[0])!;
          const o = await orphansOf(m, u.id, on);
          const left = [
            o.children && `${o.children} đơn vị trực thuộc`,
            o.enterprises && `${o.enterprises} doanh nghiệp`,
            o.openCases && `${o.openCases} hồ sơ thành lập CĐCS đang mở`,
            o.users && `${o.users} tài khoản cán bộ`,
            o.targets && `${o.targets} chỉ tiêu năm ${on.slice(0, 4)}`,
          ].filter(Boolean);
          if (left.length) {
            throw new AppError(ErrorCode.BAD_USER_INPUT, `Chưa chọn đơn vị tiếp nhận: giải thể ${u.name} sẽ bỏ lại ${left.join(', ')}`, {
              fields: ['transferTo'],
              messages: { transferTo: `Hãy chọn đơn vị tiếp nhận: ${u.name} còn ${left.join(', ')}` },
              orphans: o,
            });
          }
        }
        const to = target?.name ?? payload.newUnit?.name;
        summary = single
          ? `Giải thể ${listed}${to ? `; chuyển đơn vị trực thuộc, doanh nghiệp, hồ sơ đang mở, cán bộ và chỉ tiêu về ${to}` : ''}`
          : `${kind === OrgChangeKind.MERGE ? 'Sáp nhập' : 'Hợp nhất'} ${listed} vào ${to ?? 'đơn vị mới'}`;
        break;
      }
      default:
        throw new AppError(ErrorCode.BAD_USER_INPUT, `Loại thay đổi ${ORG_CHANGE_KIND_LABEL_VI[kind]} chưa được hỗ trợ`);
    }
    problems.throwIfAny();
    return { unitIds: [...unitIds], summary };
  }

  private async apply(
    m: EntityManager,
    changeId: string,
    kind: OrgChangeKind,
    on: IsoDate,
    payload: ChangePayload,
    byUserId: string,
    _checked: { unitIds: string[] },
  ): Promise<Record<string, unknown>> {
    switch (kind) {
      case OrgChangeKind.MOVE:
        for (const id of payload.ids) await moveUnit(m, id, payload.newParentId!, on, changeId);
        return { moved: payload.ids.length };
      case OrgChangeKind.RENAME:
        await renameUnit(m, payload.ids[0], payload.name!, on, changeId);
        return {};
      case OrgChangeKind.UPGRADE:
      case OrgChangeKind.DOWNGRADE:
        return changeLevel(m, payload.ids[0], kind, payload.newParentId ?? null, on, changeId);
      case OrgChangeKind.FOUND: {
        const u = payload.newUnit!;
        const newUnitId = await foundUnit(m, u.name, u.kind, u.parentId, on);
        await m.query(`UPDATE org_unit_span SET change_id = $2 WHERE unit_id = $1`, [newUnitId, changeId]);
        return { newUnitId };
      }
      default: {
        let to = payload.transferTo ?? payload.into ?? null;
        let newUnitId: string | undefined;
        if (payload.newUnit) {
          newUnitId = await foundUnit(m, payload.newUnit.name, payload.newUnit.kind, payload.newUnit.parentId, on);
          to = newUnitId;
        }
        const totals: Partial<DissolveResult> = {};
        for (const id of payload.ids) {
          const r = await dissolveUnit(m, {
            unitId: id,
            transferTo: to,
            on,
            changeId,
            byUserId,
            officers: payload.officers ?? 'MOVE',
            targets: payload.targets ?? 'MOVE',
          });
          for (const [k, v] of Object.entries(r)) totals[k as keyof DissolveResult] = (totals[k as keyof DissolveResult] ?? 0) + v;
        }
        return { ...totals, ...(newUnitId ? { newUnitId } : {}) };
      }
    }
  }

  // ——— helpers ———

  private async units(m: EntityManager, ids: readonly string[]): Promise<Map<string, UnitRow>> {
    const rows: UnitRow[] = ids.length
      ? await m.query(
          `SELECT o.id, o.name, o.kind, o.parent_id, o.path, o.dissolved_at,
                  (SELECT coalesce(to_char(max(s.valid_from), 'YYYY-MM-DD'), '-infinity') FROM org_unit_span s WHERE s.unit_id = o.id) AS since,
                  (SELECT coalesce(to_char(min(s.valid_from), 'YYYY-MM-DD'), '-infinity') FROM org_unit_span s WHERE s.unit_id = o.id) AS began
             FROM org_unit o WHERE o.id = ANY($1::uuid[]) FOR UPDATE OF o`,
          [ids.filter(isUuid)],
        )
      : [];
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async visibleUnit(actor: Actor, id: string): Promise<{ id: string; path: string }> {
    const [u] = isUuid(id) ? await this.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [id]) : [];
    if (!u || !canSeeUnit(actor, u.path)) throw unitNotFound();
    return u;
  }

  private idList(ids: unknown, field: string, problems: FieldProblems): string[] {
    if (!Array.isArray(ids) || !ids.length) {
      problems.add(field, 'Hãy chọn ít nhất một đơn vị');
      return [];
    }
    if (ids.length > MAX_UNITS_PER_CHANGE) problems.add(field, `Một quyết định chuyển tối đa ${MAX_UNITS_PER_CHANGE} đơn vị`);
    if (new Set(ids).size !== ids.length) problems.add(field, 'Danh sách có đơn vị bị lặp lại');
    if (field === 'ids' && ids.some((id) => !isUuid(id))) problems.add(field, 'Danh sách có mã đơn vị không hợp lệ');
    return ids.map(String);
  }

  private newUnitOf(input: NewUnit, prefix: string, problems: FieldProblems): NewUnit {
    const name = (input.name ?? '').normalize('NFC').trim();
    if (!name) problems.add(`${prefix}name`, 'Tên đơn vị không được để trống');
    else if (name.length > MAX_NAME) problems.add(`${prefix}name`, `Tên đơn vị không được dài quá ${MAX_NAME} ký tự`);
    if (!KINDS.includes(input.kind)) problems.add(`${prefix}kind`, `Loại đơn vị phải là một trong: ${KINDS.join(', ')}`);
    if (!input.parentId) problems.add(`${prefix}parentId`, 'Hãy chọn đơn vị cấp trên');
    return { name, kind: input.kind, parentId: input.parentId };
  }

  private policies(input: { officers?: string | null; targets?: string | null }, problems: FieldProblems) {
    const officers = (input.officers ?? 'MOVE') as OfficersPolicy;
    const targets = (input.targets ?? 'MOVE') as TargetsPolicy;
    if (!['MOVE', 'DEACTIVATE'].includes(officers)) problems.add('officers', 'Cán bộ phải được chuyển (MOVE) hoặc cho ngừng hoạt động (DEACTIVATE)');
    if (!['MOVE', 'CLOSE'].includes(targets)) problems.add('targets', 'Chỉ tiêu phải được chuyển (MOVE) hoặc đóng lại (CLOSE)');
    return { officers, targets };
  }
}

const STATUS_VI: Record<OrgChangeStatus, string> = {
  SCHEDULED: 'đã lên lịch',
  APPLIED: 'đã có hiệu lực',
  CANCELLED: 'đã hủy',
  FAILED: 'không áp dụng được',
};

interface ChangeRow {
  id: string;
  kind: OrgChangeKind;
  status: OrgChangeStatus;
  effective_on: IsoDate;
  decision_reference: string;
  payload: ChangePayload | null;
  unit_ids: string[];
  created_by: string;
  created_by_name: string;
  created_at: Date;
  applied_at: Date | null;
  cancelled_at: Date | null;
  failure: string | null;
  result: Record<string, unknown> | null;
}

function changeOf(r: ChangeRow): OrgUnitChange {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: ORG_CHANGE_KIND_LABEL_VI[r.kind],
    status: r.status,
    effectiveOn: r.effective_on,
    decisionReference: r.decision_reference,
    summary: r.payload?.summary ?? '',
    unitIds: r.unit_ids,
    createdById: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    appliedAt: r.applied_at,
    cancelledAt: r.cancelled_at,
    failure: r.failure,
    result: r.result,
  };
}
