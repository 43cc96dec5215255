import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/actor';
import { conflict, notFound } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { isUniqueViolation } from '../common/pg-errors';
import { isUuid } from '../identity/account-errors';
import { grassrootsUnit, mayChangeGrassroots, mayReadGrassroots } from './grassroots-scope';
import { leaveUnionGroups } from './register-writes';
import { viOrder } from '../common/vietnamese-order';

export interface SaveUnionGroup {
  grassrootsUnionId: string;
  /** Absent: a new group. */
  id?: string | null;
  name: string;
  /** An active member of the CĐCS (Member id), or none. */
  leaderMemberId?: string | null;
}

export interface AssignMemberToUnionGroup {
  memberId: string;
  /** Null: the member leaves its group. */
  unionGroupId?: string | null;
}

export interface UnionGroupMemberView {
  id: string;
  fullName: string;
}

export interface UnionGroupView {
  id: string;
  grassrootsUnionId: string;
  name: string;
  leaderMemberId: string | null;
  leaderName: string | null;
  /** Its active members, by name. */
  members: UnionGroupMemberView[];
}

/**
 * The union groups (tổ công đoàn) a CĐCS keeps, if it keeps any: a name, an optional leader, its members (one group per
 * person). Removing a group keeps its row (`removed_at`) so a past period's return still counts it
 * (docs/architecture.md#party-recommendations-and-union-groups).
 */
@Injectable()
export class UnionGroupsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, grassrootsUnionId: string): Promise<UnionGroupView[]> {
    const unit = await grassrootsUnit(this.db.manager, actor, grassrootsUnionId, 'read');
    return this.views(this.db.manager, unit.id, null);
  }

  async save(actor: Actor, input: SaveUnionGroup): Promise<UnionGroupView> {
    const problems = new FieldProblems();
    const name = (input.name ?? '').normalize('NFC').trim();
    if (!name) problems.add('name', 'Tên tổ công đoàn không được để trống');
    else if (name.length > 200) problems.add('name', 'Tên tổ công đoàn không được dài quá 200 ký tự');
    if (input.leaderMemberId && !isUuid(input.leaderMemberId)) problems.add('leaderMemberId', 'Mã tổ trưởng không hợp lệ');
    problems.throwIfAny();
    try {
      return await this.db.transaction(async (m) => {
        const unit = await grassrootsUnit(m, actor, input.grassrootsUnionId, 'write', true);
        const leader = input.leaderMemberId || null;
        if (leader) await this.activeMember(m, unit.id, leader, 'leaderMemberId', 'Tổ trưởng phải là đoàn viên đang sinh hoạt tại CĐCS');
        let id = input.id || null;
        if (id) {
          const group = await this.group(m, actor, id);
          if (group.unitId !== unit.id) throw notFound('unionGroup');
          await m.query(`UPDATE union_group SET name = $2, leader_staff_id = $3 WHERE id = $1`, [id, name, leader]);
        } else {
          [{ id }] = await m.query(`INSERT INTO union_group (grassroots_union_id, name, leader_staff_id) VALUES ($1, $2, $3) RETURNING id`, [
            unit.id,
            name,
            leader,
          ]);
        }
        // A leader belongs to the group it leads.
        if (leader) await this.assignIn(m, leader, id!);
        return (await this.views(m, unit.id, id))[0];
      });
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_union_group_name')) {
        throw conflict('CĐCS đã có tổ công đoàn với tên này', { fields: ['name'], messages: { name: 'Tên tổ công đoàn đã được dùng' } });
      }
      throw e;
    }
  }

  /** Removes a group (its members are left without one); its row stays for past returns. */
  async remove(actor: Actor, id: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const group = await this.group(m, actor, id);
      await m.query(`DELETE FROM union_group_member WHERE union_group_id = $1`, [group.id]);
      await m.query(`UPDATE union_group SET removed_at = now(), leader_staff_id = NULL WHERE id = $1`, [group.id]);
      return true;
    });
  }

  /** Puts an active member of the CĐCS in one of its groups (or in none); answers the member's staff id. */
  async assign(actor: Actor, input: AssignMemberToUnionGroup): Promise<string> {
    if (!isUuid(input.memberId)) throw notFound('member');
    return this.db.transaction(async (m) => {
      const [person] = await m.query(
        `SELECT s.grassroots_union_id AS "unitId", o.path FROM grassroots_staff s JOIN org_unit o ON o.id = s.grassroots_union_id WHERE s.id = $1`,
        [input.memberId],
      );
      const unit = person && { id: person.unitId as string, path: person.path as string };
      if (!person || !mayReadGrassroots(actor, unit) || !mayChangeGrassroots(actor, unit)) throw notFound('member');
      if (!input.unionGroupId) {
        await leaveUnionGroups(m, [input.memberId]);
        return input.memberId;
      }
      const group = await this.group(m, actor, input.unionGroupId);
      if (group.unitId !== unit.id) throw new FieldProblems().add('unionGroupId', 'Tổ công đoàn không thuộc CĐCS của đoàn viên này').error();
      await this.activeMember(m, unit.id, input.memberId, 'memberId', 'Chỉ đoàn viên đang sinh hoạt tại CĐCS mới được xếp vào tổ công đoàn');
      await this.assignIn(m, input.memberId, group.id);
      // A leader moved to another group no longer leads the first.
      await m.query(`UPDATE union_group SET leader_staff_id = NULL WHERE leader_staff_id = $1 AND id <> $2`, [input.memberId, group.id]);
      return input.memberId;
    });
  }

  private async assignIn(m: EntityManager, staffId: string, groupId: string): Promise<void> {
    await m.query(
      `INSERT INTO union_group_member (staff_id, union_group_id) VALUES ($1, $2)
       ON CONFLICT (staff_id) DO UPDATE SET union_group_id = EXCLUDED.union_group_id, assigned_at = now()`,
      [staffId, groupId],
    );
  }

  private async activeMember(m: EntityManager, unitId: string, staffId: string, field: string, message: string): Promise<void> {
    const [row] = await m.query(
      `SELECT 1 FROM grassroots_staff s JOIN member x ON x.staff_id = s.id AND x.grassroots_union_id = s.grassroots_union_id AND x.left_on IS NULL
        WHERE s.id = $1 AND s.grassroots_union_id = $2`,
      [staffId, unitId],
    );
    if (!row) throw new FieldProblems().add(field, message).error();
  }

  /** A kept group the caller may change, locked; else NOT_FOUND. */
  private async group(m: EntityManager, actor: Actor, id: string): Promise<{ id: string; unitId: string }> {
    const [g] = isUuid(id)
      ? await m.query(
          `SELECT g.id, g.grassroots_union_id AS "unitId", o.path FROM union_group g JOIN org_unit o ON o.id = g.grassroots_union_id
            WHERE g.id = $1 AND g.removed_at IS NULL FOR UPDATE OF g`,
          [id],
        )
      : [];
    if (!g || !mayReadGrassroots(actor, { id: g.unitId, path: g.path }) || !mayChangeGrassroots(actor, { id: g.unitId })) throw notFound('unionGroup');
    return g;
  }

  /** The kept groups of a CĐCS (or the one `id`), by name, with their active members. */
  private async views(m: EntityManager, unitId: string, id: string | null): Promise<UnionGroupView[]> {
    const groups: UnionGroupView[] = await m.query(
      `SELECT g.id, g.grassroots_union_id AS "grassrootsUnionId", g.name, g.leader_staff_id AS "leaderMemberId", l.full_name AS "leaderName"
         FROM union_group g LEFT JOIN grassroots_staff l ON l.id = g.leader_staff_id
        WHERE g.grassroots_union_id = $1 AND g.removed_at IS NULL AND ($2::uuid IS NULL OR g.id = $2::uuid) ORDER BY ${viOrder('g.name')}, g.id`,
      [unitId, id],
    );
    const members: (UnionGroupMemberView & { groupId: string })[] = groups.length
      ? await m.query(
          `SELECT gm.union_group_id AS "groupId", s.id, s.full_name AS "fullName"
             FROM union_group_member gm JOIN grassroots_staff s ON s.id = gm.staff_id
            WHERE gm.union_group_id = ANY($1::uuid[])
              AND EXISTS (SELECT 1 FROM member x WHERE x.staff_id = s.id AND x.grassroots_union_id = s.grassroots_union_id AND x.left_on IS NULL)
            ORDER BY ${viOrder('s.full_name')}, s.id`,
          [groups.map((g) => g.id)],
        )
      : [];
    const byId = new Map(groups.map((g) => [g.id, { ...g, members: [] as UnionGroupMemberView[] }]));
    for (const { groupId, ...mv } of members) byId.get(groupId)?.members.push(mv);
    return [...byId.values()];
  }
}
