import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Sex } from '@app/domain';
import { Actor } from '../common/actor';
import { conflict, notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { isUniqueViolation } from '../common/pg-errors';
import { isUuid } from '../identity/account-errors';
import { grassrootsUnit } from './grassroots-scope';
import { MembersQueryService } from './members-query.service';
import { MemberView } from './member-row';
import { StaffFields, StaffValues, staffValues } from './staff-input';

export interface AddStaff extends StaffFields {
  grassrootsUnionId: string;
}
export interface UpdateStaff extends StaffFields {
  id: string;
}

const STAFF_COLUMNS = [
  'full_name',
  'citizen_id',
  'birth_date',
  'birth_year',
  'sex',
  'job',
  'contract_kind',
  'contract_months',
  'phone',
  'nationality',
  'is_manager',
  'serving_sentence',
] as const;

export const staffRowValues = (v: StaffValues): unknown[] => [
  v.fullName,
  v.citizenId,
  v.birthDate,
  v.birthYear,
  v.sex,
  v.job,
  v.contractKind,
  v.contractMonths,
  v.phone,
  v.nationality,
  v.isManager,
  v.servingSentence,
];

const duplicateCitizenId = () =>
  conflict('CĐCS đã có người lao động với số CCCD này', { fields: ['citizenId'], messages: { citizenId: 'Số CCCD đã có trong danh sách' } });

/** The staff list of a CĐCS: add a person, correct one (GRASSROOTS of that CĐCS, or ADMIN). */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly query: MembersQueryService,
  ) {}

  async add(actor: Actor, input: AddStaff): Promise<MemberView> {
    const problems = new FieldProblems();
    const v = staffValues(problems, input, this.calendar.today());
    problems.throwIfAny();
    const unit = await grassrootsUnit(this.db.manager, actor, input.grassrootsUnionId, 'write');
    const [row] = await this.write(() =>
      this.db.query(
        `INSERT INTO grassroots_staff (grassroots_union_id, ${STAFF_COLUMNS.join(', ')}) VALUES ($1, ${STAFF_COLUMNS.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
        [unit.id, ...staffRowValues(v)],
      ),
    );
    return this.query.get(actor, row.id);
  }

  async update(actor: Actor, input: UpdateStaff): Promise<MemberView> {
    const problems = new FieldProblems();
    const v = staffValues(problems, input, this.calendar.today());
    problems.throwIfAny();
    await this.db.transaction(async (m) => {
      const staff = await this.staffRow(m, actor, input.id);
      const [active] = await m.query(`SELECT id FROM member WHERE staff_id = $1 AND left_on IS NULL`, [staff.id]);
      await this.write(() =>
        m.query(`UPDATE grassroots_staff SET ${STAFF_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
          staff.id,
          ...staffRowValues(v),
        ]),
      );
      // The register keeps the person's identity as the staff list has it.
      if (active) {
        await this.write(() =>
          m.query(`UPDATE member SET full_name = $2, personal_id = $3, birth_year = $4, gender = $5 WHERE id = $1`, [
            active.id,
            v.fullName,
            v.citizenId,
            v.birthYear,
            v.sex === Sex.FEMALE ? 'Nữ' : 'Nam',
          ]),
        );
      }
    });
    return this.query.get(actor, input.id);
  }

  /** The staff row, locked, of a CĐCS the caller may change; NOT_FOUND otherwise. */
  async staffRow(m: EntityManager, actor: Actor, id: string): Promise<{ id: string; grassroots_union_id: string }> {
    const [s] = isUuid(id) ? await m.query(`SELECT id, grassroots_union_id FROM grassroots_staff WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (!s) throw notFound('member');
    try {
      await grassrootsUnit(m, actor, s.grassroots_union_id, 'write');
    } catch {
      throw notFound('member');
    }
    return s;
  }

  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_grassroots_staff_citizen_id')) throw duplicateCitizenId();
      if (isUniqueViolation(e, 'UQ_member_active_personal_id')) {
        throw conflict('Số CCCD này đang là đoàn viên ở một CĐCS khác', { fields: ['citizenId'], messages: { citizenId: 'Đang là đoàn viên ở CĐCS khác' } });
      }
      throw e;
    }
  }
}
