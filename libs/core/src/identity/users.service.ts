import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'bcryptjs';
import { DataSource } from 'typeorm';
import { accountPasswordViolations } from '@app/domain';
import { UserEntity } from '@app/persistence';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { conflict, forbidden } from '../common/app-error';
import { isUniqueViolation } from '../common/pg-errors';
import { poolOf, preparedSql, runSql } from '../common/prepared-sql';
import { FieldProblems } from './account-errors';
import { OrgUnitsService } from './org-units.service';

/** What a UserEntity is made of (userFromRow), as `u.<column>`. */
export const USER_COLUMNS = [
  'id',
  'email',
  'full_name',
  'role',
  'org_unit_id',
  'password_hash',
  'active',
  'must_change_password',
  'token_version',
  'deactivated_at',
  'created_at',
]
  .map((c) => `u.${c}`)
  .join(', ');

// The users' DataLoader (every `me`, assignees, authors of history rows): prepared, straight on the pool;
// TypeORM's findBy cost ~3× the statement itself in the API's CPU profile (bench/NOTES.md).
const USERS_BY_IDS_SQL = preparedSql(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = ANY($1::uuid[])`);

/** The columns of USER_COLUMNS as a UserEntity (the users' loader, and the caller's row read by the guard). */
export function userFromRow(r: Record<string, unknown>): UserEntity {
  return Object.assign(new UserEntity(), {
    id: r.id,
    email: r.email,
    fullName: r.full_name,
    role: r.role,
    orgUnitId: r.org_unit_id,
    passwordHash: r.password_hash,
    active: r.active,
    mustChangePassword: r.must_change_password,
    tokenVersion: r.token_version,
    deactivatedAt: r.deactivated_at,
    createdAt: r.created_at,
  });
}

const EMAIL_TAKEN = 'Đã có tài khoản với địa chỉ e-mail này';

export interface CreateUser {
  email: string;
  fullName: string;
  password: string;
  role: Role;
  orgUnitId: string;
}

export const BCRYPT_ROUNDS = 10;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,255}$/;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    if (!ids.length) return [];
    const rows = await runSql(poolOf(this.db), USERS_BY_IDS_SQL, [ids]);
    return rows.map(userFromRow);
  }

  /** Active users of a unit the caller may see (default: its own), for assignment and targets. */
  async list(actor: Actor, orgUnitId?: string | null, role?: Role | null): Promise<UserEntity[]> {
    const unit = await this.orgUnits.getVisible(actor, orgUnitId ?? actor.orgUnitId);
    if (actor.role === Role.OFFICER && unit.id !== actor.orgUnitId) throw forbidden('Cán bộ chỉ xem danh sách người dùng của đơn vị mình');
    return this.db.getRepository(UserEntity).find({
      where: { orgUnitId: unit.id, active: true, ...(role ? { role } : {}) },
      order: { fullName: 'ASC' },
      take: 500,
    });
  }

  /** The password must pass the account password policy (libs/domain account-password-rules); a SUPERVISOR creates OFFICERs only. */
  async create(actor: Actor, input: CreateUser): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    const fullName = input.fullName.normalize('NFC').trim();
    const problems = new FieldProblems();
    if (!EMAIL.test(email)) problems.add('email', 'Địa chỉ e-mail không hợp lệ');
    if (!fullName) problems.add('fullName', 'Họ tên không được để trống');
    else if (fullName.length > 255) problems.add('fullName', 'Họ tên không được dài quá 255 ký tự');
    problems.addRules('password', accountPasswordViolations(input.password, { email }));
    problems.throwIfAny();
    const unit = await this.orgUnits.getVisible(actor, input.orgUnitId);
    if (!canSeeUnit(actor, unit.path)) throw forbidden('Đơn vị nằm ngoài phạm vi của bạn');
    // A SUPERVISOR creates OFFICERs and the GRASSROOTS accounts of the CĐCS below it; a GRASSROOTS account belongs to a CĐCS.
    if (input.role !== Role.OFFICER && input.role !== Role.GRASSROOTS && actor.role !== Role.ADMIN) {
      throw forbidden('Giám sát viên chỉ được tạo tài khoản cán bộ (OFFICER) hoặc tài khoản CĐCS (GRASSROOTS)');
    }
    if (input.role === Role.GRASSROOTS && unit.kind !== 'GRASSROOTS') throw problems.add('orgUnitId', 'Tài khoản CĐCS phải thuộc một CĐCS').error();
    try {
      return await this.insert({ email, fullName, role: input.role, orgUnitId: unit.id, password: input.password });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(EMAIL_TAKEN, { fields: ['email'], messages: { email: EMAIL_TAKEN } });
      throw e;
    }
  }

  /** Creates the user unchecked; used by `create`, the boot-time admin and the demo data. */
  async insert(u: { email: string; fullName: string; role: Role; orgUnitId: string; password: string }): Promise<UserEntity> {
    const repo = this.db.getRepository(UserEntity);
    return repo.save(
      repo.create({
        email: u.email.toLowerCase(),
        fullName: u.fullName,
        role: u.role,
        orgUnitId: u.orgUnitId,
        passwordHash: await hash(u.password, BCRYPT_ROUNDS),
      }),
    );
  }

  /** Ensures the ADMIN of ADMIN_EMAIL exists at the root unit; never changes an existing user's password. */
  async ensureAdmin(email: string, password: string, rootUnitId: string): Promise<boolean> {
    const existing = await this.db.query(`SELECT id FROM app_user WHERE lower(email) = lower($1)`, [email]);
    if (existing.length) return false;
    await this.insert({ email, fullName: 'Quản trị hệ thống', role: Role.ADMIN, orgUnitId: rootUnitId, password });
    return true;
  }
}
