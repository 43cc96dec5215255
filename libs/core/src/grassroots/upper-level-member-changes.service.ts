import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LeaveReason } from '@app/domain';
import { Actor, Role, canSeeUnit, pathInSubtree } from '../common/actor';
import { conflict, notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { isUniqueViolation } from '../common/pg-errors';
import { isUuid } from '../identity/account-errors';
import { checkChangeDay, checkChangeNote, checkLeaveReason } from './membership-change-input';
import { staffFromApplications } from './register-writes';
import { UpperLevelMemberView, UpperLevelMembersService } from './upper-level-members.service';

export interface RecordUpperLevelMemberLeaving {
  /** The membership (UpperLevelMember id). */
  memberId: string;
  leftOn: string;
  reason: LeaveReason;
  note?: string | null;
}

export interface TransferUpperLevelMember {
  memberId: string;
  /** The receiving CĐCS: in the upper-level union's subtree (e.g. the one just founded at the member's enterprise). */
  grassrootsUnionId: string;
  transferredOn: string;
  note?: string | null;
}

interface DirectMembership {
  id: string;
  application_id: string | null;
  full_name: string;
  personal_id: string | null;
  birth_year: number;
  gender: string;
  admitted_on: string;
  decision_number: string | null;
  left_on: string | null;
  name: string;
  path: string;
}

/**
 * A member an upper-level union admitted directly leaves it, or moves to a CĐCS of its subtree (ended here with
 * TRANSFERRED and started there on the same day with `transferred_from_id`: not a new member). Its SUPERVISORs and
 * ADMIN, as they admitted it; a CĐCS's own members keep their rules (MembershipChangesService). See
 * docs/architecture.md#grassroots-unions.
 */
@Injectable()
export class UpperLevelMemberChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly members: UpperLevelMembersService,
  ) {}

  /** The open or ended direct membership `id`, locked, when the caller manages its union; else NOT_FOUND. */
  private async membership(m: EntityManager, actor: Actor, id: string): Promise<DirectMembership> {
    const [row] = isUuid(id)
      ? await m.query(
          `SELECT x.id, x.application_id, x.full_name, x.personal_id, x.birth_year, x.gender, to_char(x.admitted_on, 'YYYY-MM-DD') AS admitted_on,
                  x.decision_number, x.left_on, o.name, o.path
             FROM member x JOIN org_unit o ON o.id = x.grassroots_union_id
            WHERE x.id = $1 AND o.kind = 'UPPER_LEVEL' AND x.staff_id IS NULL FOR UPDATE OF x`,
          [id],
        )
      : [];
    const manages = actor.role === Role.SUPERVISOR || actor.role === Role.ADMIN;
    if (!row || !manages || !canSeeUnit(actor, row.path)) throw notFound('upperLevelMember');
    if (row.left_on) throw conflict(`${row.full_name} không còn là đoàn viên đang sinh hoạt tại ${row.name}`, { reason: 'NOT_MEMBER' });
    return row;
  }

  async recordLeaving(actor: Actor, input: RecordUpperLevelMemberLeaving): Promise<UpperLevelMemberView> {
    const problems = new FieldProblems();
    checkChangeDay(problems, 'leftOn', input.leftOn, this.calendar.today());
    checkLeaveReason(problems, input.reason);
    const note = checkChangeNote(problems, input.note);
    problems.throwIfAny();
    return this.db.transaction(async (m) => {
      const x = await this.membership(m, actor, input.memberId);
      if (input.leftOn < x.admitted_on) throw new FieldProblems().add('leftOn', 'Ngày ra khỏi tổ chức không được trước ngày kết nạp').error();
      await m.query(`UPDATE member SET left_on = $2, left_reason = $3, left_note = $4 WHERE id = $1`, [x.id, input.leftOn, input.reason, note]);
      return this.members.view(m, x.id);
    });
  }

  async transfer(actor: Actor, input: TransferUpperLevelMember): Promise<UpperLevelMemberView> {
    const problems = new FieldProblems();
    checkChangeDay(problems, 'transferredOn', input.transferredOn, this.calendar.today());
    const note = checkChangeNote(problems, input.note);
    problems.throwIfAny();
    try {
      return await this.db.transaction(async (m) => {
        // The citizen id's lock first, as transferMember takes it, then the row.
        const [pid] = isUuid(input.memberId) ? await m.query(`SELECT personal_id FROM member WHERE id = $1`, [input.memberId]) : [];
        if (pid?.personal_id) await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`member:citizen:${pid.personal_id}`]);
        const x = await this.membership(m, actor, input.memberId);
        const [to] = isUuid(input.grassrootsUnionId)
          ? await m.query(`SELECT id, name, path FROM org_unit WHERE id = $1 AND kind = 'GRASSROOTS' AND dissolved_at IS NULL`, [input.grassrootsUnionId])
          : [];
        if (!to || !canSeeUnit(actor, to.path)) throw notFound('grassrootsUnion');
        if (!pathInSubtree(to.path, x.path)) throw new FieldProblems().add('grassrootsUnionId', `CĐCS nhận phải trực thuộc ${x.name}`).error();
        if (input.transferredOn < x.admitted_on) throw new FieldProblems().add('transferredOn', 'Ngày chuyển không được trước ngày kết nạp').error();
        const staffId = await this.staffOf(m, x, to.id);
        await m.query(`UPDATE member SET left_on = $2, left_reason = 'TRANSFERRED', left_note = $3 WHERE id = $1`, [
          x.id,
          input.transferredOn,
          `Chuyển đến ${to.name}${note ? ` — ${note}` : ''}`,
        ]);
        await m.query(
          `INSERT INTO member (grassroots_union_id, staff_id, transferred_from_id, full_name, personal_id, birth_year, gender, admitted_on, decision_number)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [to.id, staffId, x.id, x.full_name, x.personal_id, x.birth_year, x.gender, input.transferredOn, x.decision_number],
        );
        return this.members.view(m, x.id);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_member_active_staff')) throw conflict('Người này đã là đoàn viên của CĐCS nhận', { reason: 'ALREADY_MEMBER' });
      throw e;
    }
  }

  /** The person on the receiving CĐCS's staff list: from the application (the one already there by citizen id). */
  private async staffOf(m: EntityManager, x: DirectMembership, cdcsId: string): Promise<string> {
    if (x.application_id) return (await staffFromApplications(m, [x.application_id], cdcsId))[0].staffId!;
    const citizenId = /^\d{12}$/.test(x.personal_id ?? '') ? x.personal_id : null;
    const [row] = await m.query(
      `INSERT INTO grassroots_staff (grassroots_union_id, full_name, citizen_id, birth_year, sex) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (grassroots_union_id, citizen_id) WHERE citizen_id IS NOT NULL DO UPDATE SET updated_at = now() RETURNING id`,
      [cdcsId, x.full_name, citizenId, x.birth_year, x.gender === 'Nữ' ? 'FEMALE' : 'MALE'],
    );
    return row.id;
  }
}
