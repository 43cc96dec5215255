import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LeaveReason } from '@app/domain';
import { Actor } from '../common/actor';
import { conflict } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { isUniqueViolation } from '../common/pg-errors';
import { MembersQueryService } from './members-query.service';
import { checkChangeDay, checkChangeNote, checkLeaveReason } from './membership-change-input';
import { leaveUnionGroups } from './register-writes';
import { MemberView } from './member-row';
import { StaffService } from './staff.service';

export interface RecordMemberLeaving {
  /** The person (staff id) whose current membership ends. */
  memberId: string;
  leftOn: string;
  reason: LeaveReason;
  note?: string | null;
}

export interface TransferMember {
  /** The person on the receiving CĐCS's staff list (its citizen id finds the membership to end elsewhere). */
  memberId: string;
  transferredOn: string;
  note?: string | null;
}

/**
 * A membership ends (recordMemberLeaving), or moves to the caller's CĐCS (transferMember: ended where it was with
 * reason TRANSFERRED and started here on the same day, carrying `transferred_from_id`: not a new member anywhere).
 * See docs/architecture.md#grassroots-unions.
 */
@Injectable()
export class MembershipChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly staff: StaffService,
    private readonly query: MembersQueryService,
  ) {}

  private day(problems: FieldProblems, field: string, day: string): void {
    checkChangeDay(problems, field, day, this.calendar.today());
  }

  private note(problems: FieldProblems, note: string | null | undefined): string | null {
    return checkChangeNote(problems, note);
  }

  async recordLeaving(actor: Actor, input: RecordMemberLeaving): Promise<MemberView> {
    const problems = new FieldProblems();
    this.day(problems, 'leftOn', input.leftOn);
    checkLeaveReason(problems, input.reason);
    const note = this.note(problems, input.note);
    problems.throwIfAny();
    await this.db.transaction(async (m) => {
      const s = await this.staff.staffRow(m, actor, input.memberId);
      const [active] = await m.query(
        `SELECT id, to_char(admitted_on, 'YYYY-MM-DD') AS admitted_on FROM member WHERE staff_id = $1 AND left_on IS NULL FOR UPDATE`,
        [s.id],
      );
      if (!active) throw conflict('Người này không phải đoàn viên đang sinh hoạt tại CĐCS', { reason: 'NOT_MEMBER' });
      if (input.leftOn < active.admitted_on) throw new FieldProblems().add('leftOn', 'Ngày ra khỏi tổ chức không được trước ngày kết nạp').error();
      await m.query(`UPDATE member SET left_on = $2, left_reason = $3, left_note = $4 WHERE id = $1`, [active.id, input.leftOn, input.reason, note]);
      await leaveUnionGroups(m, [s.id]);
    });
    return this.query.get(actor, input.memberId);
  }

  async transfer(actor: Actor, input: TransferMember): Promise<MemberView> {
    const problems = new FieldProblems();
    this.day(problems, 'transferredOn', input.transferredOn);
    const note = this.note(problems, input.note);
    problems.throwIfAny();
    try {
      await this.db.transaction(async (m) => {
        const s = await this.staff.staffRow(m, actor, input.memberId);
        const [person] = await m.query(`SELECT citizen_id, full_name, birth_year, sex FROM grassroots_staff WHERE id = $1`, [s.id]);
        if (!person.citizen_id) throw new FieldProblems().add('memberId', 'Cần số CCCD của người lao động để nhận chuyển sinh hoạt').error();
        await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`member:citizen:${person.citizen_id}`]);
        const [from] = await m.query(
          `SELECT x.id, x.staff_id, x.grassroots_union_id, to_char(x.admitted_on, 'YYYY-MM-DD') AS admitted_on, x.decision_number, o.name
             FROM member x JOIN org_unit o ON o.id = x.grassroots_union_id
            WHERE x.personal_id = $1 AND x.left_on IS NULL FOR UPDATE OF x`,
          [person.citizen_id],
        );
        if (!from) throw new FieldProblems().add('memberId', 'Không có đoàn viên đang sinh hoạt nào mang số CCCD này').error();
        if (from.grassroots_union_id === s.grassroots_union_id) throw conflict('Người này đã là đoàn viên của CĐCS', { reason: 'ALREADY_MEMBER' });
        if (input.transferredOn < from.admitted_on) throw new FieldProblems().add('transferredOn', 'Ngày chuyển không được trước ngày kết nạp').error();
        const [to] = await m.query(`SELECT name FROM org_unit WHERE id = $1`, [s.grassroots_union_id]);
        await m.query(`UPDATE member SET left_on = $2, left_reason = 'TRANSFERRED', left_note = $3 WHERE id = $1`, [
          from.id,
          input.transferredOn,
          `Chuyển đến ${to.name}`,
        ]);
        await leaveUnionGroups(m, [from.staff_id]);
        await m.query(
          `INSERT INTO member (grassroots_union_id, staff_id, transferred_from_id, full_name, personal_id, birth_year, gender, admitted_on, decision_number, left_note)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)`,
          [
            s.grassroots_union_id,
            s.id,
            from.id,
            person.full_name,
            person.citizen_id,
            person.birth_year,
            person.sex === 'FEMALE' ? 'Nữ' : 'Nam',
            input.transferredOn,
            from.decision_number,
          ],
        );
        if (note) await m.query(`UPDATE member SET left_note = left_note || ' — ' || $2 WHERE id = $1`, [from.id, note]);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_member_active_staff')) throw conflict('Người này đã là đoàn viên của CĐCS', { reason: 'ALREADY_MEMBER' });
      throw e;
    }
    return this.query.get(actor, input.memberId);
  }
}
