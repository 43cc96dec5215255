import { EntityManager } from 'typeorm';
import { IsoDate, wouldCycle } from '@app/domain';
import { FieldProblems } from '../common/field-problems';
import { MAX_NAME } from '../common/text-input';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { isUuid } from '../identity/account-errors';
import { NAME_TAKEN, sameNamedSibling } from '../identity/unit-names';
import { CHILD_KINDS, ORG_UNIT_KIND_VI, OrgUnitKind } from '../identity/org-units.service';
import { DissolveResult, dissolveUnit, foundUnit, moveUnit, reassignRows } from './restructuring-apply';
import { ChangePayload, KINDS, MAX_UNITS_PER_CHANGE, SplitPart, UnitRow } from './restructuring.types';

/**
 * A unit split (chia tách, docs/architecture.md#restructuring): new units founded on the day, each taking the child
 * units, enterprises (with their open cases) and accounts listed for it. Without `keepOriginal` the unit is then
 * dissolved and whatever no part lists goes to the first part; with it (tách) the unit goes on with the rest.
 */

export const MAX_SPLIT_PARTS = 20;

/** The parts as given, trimmed; shape problems go into `problems`. */
export function splitPartsOf(parts: unknown, keepOriginal: boolean, problems: FieldProblems): SplitPart[] {
  const list = Array.isArray(parts) ? (parts as Partial<SplitPart>[]) : [];
  const min = keepOriginal ? 1 : 2;
  if (list.length < min)
    problems.add('parts', keepOriginal ? 'Hãy nêu ít nhất một đơn vị mới tách ra' : 'Chia tách cần ít nhất hai đơn vị mới (hoặc chọn giữ lại đơn vị cũ)');
  if (list.length > MAX_SPLIT_PARTS) problems.add('parts', `Một quyết định chia tách tối đa ${MAX_SPLIT_PARTS} đơn vị mới`);
  const out = list.map((p, i) => {
    const name = String(p.name ?? '')
      .normalize('NFC')
      .trim();
    const field = `parts.${i}.`;
    if (!name) problems.add(`${field}name`, `Tên đơn vị mới thứ ${i + 1} không được để trống`);
    else if (name.length > MAX_NAME) problems.add(`${field}name`, `Tên đơn vị không được dài quá ${MAX_NAME} ký tự`);
    if (p.kind != null && !KINDS.includes(p.kind)) problems.add(`${field}kind`, `Loại đơn vị phải là một trong: ${KINDS.join(', ')}`);
    const ids = (key: 'childIds' | 'enterpriseIds' | 'userIds') => {
      const v = p[key] ?? [];
      if (!Array.isArray(v) || v.some((id) => !isUuid(id))) {
        problems.add(`${field}${key}`, 'Danh sách có mã không hợp lệ');
        return [];
      }
      if (v.length > MAX_UNITS_PER_CHANGE) problems.add(`${field}${key}`, `Mỗi danh sách tối đa ${MAX_UNITS_PER_CHANGE} mục`);
      return v.map(String);
    };
    return {
      name,
      kind: p.kind ?? null,
      parentId: p.parentId ?? null,
      childIds: ids('childIds'),
      enterpriseIds: ids('enterpriseIds'),
      userIds: ids('userIds'),
    };
  });
  const names = out.map((p) => p.name.toLocaleLowerCase('vi'));
  if (new Set(names).size !== names.length) problems.add('parts', 'Các đơn vị mới phải có tên khác nhau');
  for (const key of ['childIds', 'enterpriseIds', 'userIds'] as const) {
    const all = out.flatMap((p) => p[key]);
    if (new Set(all).size !== all.length) problems.add('parts', 'Một đơn vị, doanh nghiệp hoặc tài khoản chỉ được giao cho một đơn vị mới');
  }
  return out;
}

/**
 * Judges a split of `u` (locked by the caller) on day `on`: every listed child, enterprise and account hangs on `u`
 * today; each part's parent exists that day, is not inside `u` (unless `u` goes on and is that parent) and may hold
 * the part's level; a part holding child units may hold their level. A CĐCS with members is only split with
 * `keepOriginal` (its members then transfer one by one). Adds the units concerned to `unitIds`; answers the summary.
 */
export async function checkSplit(
  m: EntityManager,
  u: UnitRow,
  payload: ChangePayload,
  on: IsoDate,
  problems: FieldProblems,
  unitIds: Set<string>,
  ref: (field: string, id: string, label: string) => Promise<UnitRow | null>,
): Promise<string> {
  const keep = !!payload.keepOriginal;
  const parts = payload.parts ?? [];
  const kindVi = (k: string) => ORG_UNIT_KIND_VI[k as OrgUnitKind] ?? k;
  // One after another: the queries share the caller's transaction (one connection).
  const children: { id: string; name: string; kind: string }[] = await m.query(
    `SELECT id, name, kind FROM org_unit WHERE parent_id = $1 AND dissolved_at IS NULL`,
    [u.id],
  );
  const enterprises: { id: string }[] = await m.query(`SELECT id FROM enterprise WHERE id = ANY($2::uuid[]) AND org_unit_id = $1`, [
    u.id,
    parts.flatMap((p) => p.enterpriseIds),
  ]);
  const users: { id: string }[] = await m.query(`SELECT id FROM app_user WHERE id = ANY($2::uuid[]) AND org_unit_id = $1`, [
    u.id,
    parts.flatMap((p) => p.userIds),
  ]);
  const [h] = await m.query(`SELECT count(*)::int AS members FROM member WHERE grassroots_union_id = $1 AND left_on IS NULL`, [u.id]);
  if (!keep && h.members)
    problems.add(
      'keepOriginal',
      `${u.name} còn ${h.members} đoàn viên: hãy tách (giữ lại ${u.name}) rồi chuyển sinh hoạt từng đoàn viên sang công đoàn cơ sở mới`,
    );
  const childById = new Map(children.map((c) => [c.id, c]));
  const enterpriseIds = new Set(enterprises.map((e) => e.id));
  const userIds = new Set(users.map((x) => x.id));
  for (const [i, part] of parts.entries()) {
    const field = `parts.${i}.`;
    const kind = part.kind ?? u.kind;
    const parentId = part.parentId ?? u.parent_id;
    if (!parentId) {
      problems.add(`${field}parentId`, `${u.name} là đơn vị gốc: hãy chọn đơn vị cấp trên cho ${part.name}`);
      continue;
    }
    const p = parentId === u.id ? u : await ref(`${field}parentId`, parentId, 'đơn vị cấp trên của đơn vị mới');
    if (p) {
      unitIds.add(p.id);
      if (!keep && (p.id === u.id || wouldCycle(u.id, p.path)))
        problems.add(`${field}parentId`, `${p.name} nằm trong ${u.name}, đơn vị sẽ giải thể: hãy chọn đơn vị cấp trên khác`);
      else if (!CHILD_KINDS[p.kind as OrgUnitKind]?.includes(kind as OrgUnitKind))
        problems.add(`${field}parentId`, `${p.name} (${kindVi(p.kind)}) không có ${kindVi(kind)} trực thuộc`);
      // A split that dissolves the unit may give one part its name.
      const taken = await sameNamedSibling(m, p.id, part.name, keep ? [] : [u.id]);
      if (taken) problems.add(`${field}name`, NAME_TAKEN(taken.name));
    }
    for (const id of part.childIds) {
      const c = childById.get(id);
      if (!c) problems.add(`${field}childIds`, `Đơn vị được giao cho ${part.name} không trực thuộc ${u.name}`);
      else if (!CHILD_KINDS[kind as OrgUnitKind]?.includes(c.kind as OrgUnitKind))
        problems.add(`${field}childIds`, `${part.name} (${kindVi(kind)}) không có ${kindVi(c.kind)} trực thuộc: không nhận được ${c.name}`);
      else unitIds.add(id);
    }
    if (part.enterpriseIds.some((id) => !enterpriseIds.has(id)))
      problems.add(`${field}enterpriseIds`, `Doanh nghiệp được giao cho ${part.name} không thuộc ${u.name}`);
    if (part.userIds.some((id) => !userIds.has(id))) problems.add(`${field}userIds`, `Tài khoản được giao cho ${part.name} không thuộc ${u.name}`);
  }
  if (!keep && parts.length) {
    // What no part lists goes to the first one: it must be able to hold the remaining child units.
    const first = parts[0];
    const firstKind = first.kind ?? u.kind;
    const listed = new Set(parts.flatMap((p) => p.childIds));
    const misfit = children.filter((c) => !listed.has(c.id) && !CHILD_KINDS[firstKind as OrgUnitKind]?.includes(c.kind as OrgUnitKind));
    if (misfit.length)
      problems.add('parts.0.kind', `${first.name} (${kindVi(firstKind)}) nhận các đơn vị không được giao, nhưng không có ${kindVi(misfit[0].kind)} trực thuộc`);
    for (const c of children) unitIds.add(c.id);
  }
  const names = parts.map((p) => p.name).join(', ');
  return keep ? `Tách từ ${u.name} thành lập ${names}` : `Chia tách ${u.name} thành ${names}`;
}

/** Applies a checked split: the parts founded, what each lists moved to it, then (unless kept) the unit dissolved into the first part. */
export async function applySplit(
  m: EntityManager,
  opts: { unitId: string; payload: ChangePayload; on: IsoDate; changeId: string; byUserId: string },
): Promise<Record<string, unknown>> {
  const { unitId, payload, on, changeId } = opts;
  const [u]: { kind: string; parent_id: string }[] = await m.query(`SELECT kind, parent_id FROM org_unit WHERE id = $1`, [unitId]);
  const newUnitIds: string[] = [];
  const totals = { children: 0, enterprises: 0, openCases: 0, users: 0 };
  for (const part of payload.parts ?? []) {
    const id = await foundUnit(m, part.name, part.kind ?? u.kind, part.parentId ?? u.parent_id, on);
    await m.query(`UPDATE org_unit_span SET change_id = $2 WHERE unit_id = $1`, [id, changeId]);
    newUnitIds.push(id);
    for (const child of part.childIds) await moveUnit(m, child, id, on, changeId);
    totals.children += part.childIds.length;
    const move = { from: unitId, to: id, changeId, on };
    totals.enterprises += (await reassignRows(m, 'ENTERPRISE', 'enterprise', move, 'AND id = ANY($5::uuid[])', [part.enterpriseIds])).length;
    await m.query(`SELECT set_config('cdcs.restructuring', 'on', true)`);
    totals.openCases += (
      await reassignRows(m, 'CASE', 'founding_case', move, `AND stage IN ${OPEN_STAGES_SQL} AND enterprise_id = ANY($5::uuid[])`, [part.enterpriseIds])
    ).length;
    await m.query(`SELECT set_config('cdcs.restructuring', '', true)`);
    totals.users += (await reassignRows(m, 'USER', 'app_user', move, 'AND id = ANY($5::uuid[])', [part.userIds])).length;
  }
  let rest: Partial<DissolveResult> = {};
  if (!payload.keepOriginal) {
    rest = await dissolveUnit(m, {
      unitId,
      transferTo: newUnitIds[0],
      on,
      changeId,
      byUserId: opts.byUserId,
      officers: payload.officers ?? 'MOVE',
      targets: payload.targets ?? 'MOVE',
    });
  }
  const sum = (k: keyof typeof totals) => totals[k] + (rest[k] ?? 0);
  return {
    newUnitIds,
    children: sum('children'),
    enterprises: sum('enterprises'),
    openCases: sum('openCases'),
    users: sum('users'),
    ...(payload.keepOriginal ? {} : { deactivatedUsers: rest.deactivatedUsers ?? 0, targets: rest.targets ?? 0 }),
  };
}
