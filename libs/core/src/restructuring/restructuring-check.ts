import { EntityManager } from 'typeorm';
import { IsoDate, ORG_CHANGE_KIND_LABEL_VI, OrgChangeKind, effectiveDayProblem, wouldCycle } from '@app/domain';
import { AppError, ErrorCode } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { dayMonthYear } from '../common/messages-vi';
import { isUuid } from '../identity/account-errors';
import { NAME_TAKEN, namesUnder, sameNamedSibling } from '../identity/unit-names';
import { DissolveResult, dissolveUnit, foundUnit, moveUnit, orphansOf, renameUnit } from './restructuring-apply';
import { changeLevel, checkLevelChange } from './restructuring-levels';
import { applySplit, checkSplit } from './restructuring-split';
import { ChangePayload, UnitRow } from './restructuring.types';

// A change judged (on the day it is asked for, and again on its day) and applied, inside the caller's transaction under RESTRUCTURE_LOCK (docs/architecture.md#restructuring).

export async function checkChange(
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
  const single = [OrgChangeKind.MOVE, OrgChangeKind.UPGRADE, OrgChangeKind.DOWNGRADE, OrgChangeKind.SPLIT].includes(kind) && payload.ids.length === 1;
  const idField = single ? 'id' : 'ids';
  const subjects = await lockedUnits(m, payload.ids);
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
    const u = isUuid(id) ? (await lockedUnits(m, [id])).get(id) : undefined;
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
        const sameNamed = await namesUnder(m, p.id);
        for (const u of subjects.values()) {
          if (u.id === p.id) problems.add('newParentId', `Không thể chuyển ${u.name} vào chính nó`);
          else if (wouldCycle(u.id, p.path))
            problems.add('newParentId', `${p.name} nằm trong ${u.name}: không thể chuyển một đơn vị vào đơn vị cấp dưới của nó`);
          else if (u.parent_id === p.id) problems.add(idField, `${u.name} đã trực thuộc ${p.name}`);
          else if (sameNamed(u.name, [u.id])) problems.add(idField, `${p.name} đã có đơn vị cùng tên ${u.name}`);
          if (!u.parent_id) problems.add(idField, `${u.name} là đơn vị gốc, không chuyển được`);
        }
        unitIds.add(p.id);
        summary = `Chuyển ${listed} về trực thuộc ${p.name}`;
      }
      break;
    }
    case OrgChangeKind.RENAME: {
      const u = subjects.get(payload.ids[0])!;
      const taken = u.parent_id ? await sameNamedSibling(m, u.parent_id, payload.name!, [u.id]) : null;
      if (u.name === payload.name) problems.add('name', `Đơn vị đã mang tên ${u.name}`);
      else if (taken) problems.add('name', NAME_TAKEN(taken.name));
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
      const taken = p ? await sameNamedSibling(m, p.id, payload.newUnit!.name) : null;
      // Applying, the unit founded at once on submission is that sibling itself.
      if (taken && !applying) problems.add('name', NAME_TAKEN(taken.name));
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
          // The units merged away may leave their name to the new one.
          const taken = await sameNamedSibling(m, p.id, payload.newUnit!.name, payload.ids);
          if (taken) problems.add('newUnit.name', NAME_TAKEN(taken.name));
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
        ? `Giải thể ${listed}${to ? `; chuyển đơn vị trực thuộc, doanh nghiệp, hồ sơ đang mở, cán bộ và chỉ tiêu về ${to}` : ''}${
            [...subjects.values()].some((u) => u.kind === 'GRASSROOTS') ? '; khoá tài khoản của CĐCS' : ''
          }`
        : `${kind === OrgChangeKind.MERGE ? 'Sáp nhập' : 'Hợp nhất'} ${listed} vào ${to ?? 'đơn vị mới'}`;
      break;
    }
    case OrgChangeKind.SPLIT:
      summary = await checkSplit(m, subjects.get(payload.ids[0])!, payload, on, problems, unitIds, (field, id, label) => ref(field, id, label));
      break;
    default:
      throw new AppError(ErrorCode.BAD_USER_INPUT, `Loại thay đổi ${ORG_CHANGE_KIND_LABEL_VI[kind]} chưa được hỗ trợ`);
  }
  problems.throwIfAny();
  return { unitIds: [...unitIds], summary };
}

export async function applyChange(
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
    case OrgChangeKind.SPLIT:
      return applySplit(m, { unitId: payload.ids[0], payload, on, changeId, byUserId });
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

export async function lockedUnits(m: EntityManager, ids: readonly string[]): Promise<Map<string, UnitRow>> {
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
