import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { UserEntity } from '@app/persistence';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { AppError, ErrorCode, conflict } from '../common/app-error';
import { MAX_PAGE, Page, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { MAX_NAME } from '../common/text-input';
import { UNASSIGNED_ON_DEACTIVATION, unassignOpenCases } from '../cases/case-unassign';
import { FieldProblems, accountNotFound, isUuid, refused, unitNotFound } from './account-errors';
import { AuthService } from './auth.service';
import { PasswordsService } from './passwords.service';
import { viOrder } from '../common/vietnamese-order';

export interface AccountFilter {
  orgUnitId?: string | null;
  role?: Role | null;
  active?: boolean | null;
  search?: string | null;
}

export interface UpdateAccount {
  id: string;
  fullName?: string | null;
  role?: Role | null;
  orgUnitId?: string | null;
}

export interface ChangeOwnPassword {
  currentPassword: string;
  newPassword: string;
}

const MAX_SEARCH = 200;
/**
 * Taken first by every write that could leave no active ADMIN (a role change, a deactivation), so
 * two admins demoting or deactivating each other at once cannot both pass the "last admin" check.
 */
const ADMIN_SET_LOCK = 7_310_502_114;

/** A user row as the account writes read it (locked), with its unit's path for the scope check. */
interface AccountRow {
  id: string;
  role: Role;
  active: boolean;
  org_unit_id: string;
  path: string;
  kind: string;
}

/**
 * The accounts of the office: list and search them, change their name, role and unit, deactivate and
 * reactivate them, reset a password; and a user's change of its own password.
 * Who manages whom: an ADMIN every account; a SUPERVISOR the OFFICERs and GRASSROOTS accounts of its subtree only (an
 * account outside its subtree is NOT_FOUND, a SUPERVISOR or ADMIN account FORBIDDEN). Every write
 * that makes existing tokens invalid bumps the user's token_version (see AuthService).
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordsService,
    private readonly auth: AuthService,
  ) {}

  /** Users of the caller's subtree (ADMIN: all), ordered by full name, keyset-paged. */
  async list(actor: Actor, filter: AccountFilter = {}, first?: number | null, after?: string | null): Promise<Page<UserEntity>> {
    const problems = new FieldProblems();
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) problems.add('first', `Số dòng mỗi trang phải từ 1 đến ${MAX_PAGE}`);
    let cursor: unknown[] | null = null;
    try {
      cursor = decodeCursor(after, 2);
    } catch {
      problems.add('after', 'Con trỏ trang không hợp lệ (hãy dùng endCursor của trang trước)');
    }
    const search = (filter.search ?? '').normalize('NFC').trim();
    if (search.length > MAX_SEARCH) problems.add('search', `Từ khóa tìm kiếm không được dài quá ${MAX_SEARCH} ký tự`);
    problems.throwIfAny();
    if (actor.role === Role.OFFICER) throw refused('Cán bộ không được xem danh sách tài khoản');

    const p = new SqlParams();
    const where: string[] = [];
    if (actor.role !== Role.ADMIN) {
      where.push(`u.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(actor.orgPath)} OR path LIKE ${p.add(subtreeLike(actor.orgPath))})`);
    }
    if (filter.orgUnitId) {
      const unit = isUuid(filter.orgUnitId) ? (await this.db.query(`SELECT path FROM org_unit WHERE id = $1`, [filter.orgUnitId]))[0] : null;
      if (!unit || !canSeeUnit(actor, unit.path)) throw unitNotFound();
      where.push(`u.org_unit_id IN (SELECT id FROM org_unit WHERE path = ${p.add(unit.path)} OR path LIKE ${p.add(subtreeLike(unit.path))})`);
    }
    if (filter.role) where.push(`u.role = ${p.add(filter.role)}`);
    if (filter.active !== null && filter.active !== undefined) where.push(`u.active = ${p.add(filter.active)}`);
    if (search) {
      // vn_fold (migration 1795496897140): lower case without diacritics, so "nguyen van" finds "Nguyễn Văn".
      const like = p.add(search.replace(/[\\%_]/g, (c) => `\\${c}`));
      where.push(`(vn_fold(u.full_name) LIKE '%' || vn_fold(${like}) || '%' OR vn_fold(u.email) LIKE '%' || vn_fold(${like}) || '%')`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...p.values];
    const pageWhere = cursor
      ? `${whereSql ? `${whereSql} AND` : 'WHERE'} (${viOrder('u.full_name')}, u.id) > (${p.add(cursor[0])}, ${p.add(cursor[1])}::uuid)`
      : whereSql;
    const rows: { id: string; full_name: string }[] = await this.db.query(
      `SELECT u.id, u.full_name FROM app_user u ${pageWhere} ORDER BY ${viOrder('u.full_name')}, u.id LIMIT ${limit + 1}`,
      p.values,
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM app_user u ${whereSql}`, countParams);
    const pageRows = rows.slice(0, limit);
    const found = pageRows.length ? await this.db.getRepository(UserEntity).findBy({ id: In(pageRows.map((r) => r.id)) }) : [];
    const byId = new Map(found.map((u) => [u.id, u]));
    const last = pageRows[pageRows.length - 1];
    return {
      nodes: pageRows.map((r) => byId.get(r.id)!),
      totalCount: n,
      pageInfo: { endCursor: last ? encodeCursor([last.full_name, last.id]) : null, hasNextPage: rows.length > limit },
    };
  }

  /** Name, role and unit; a SUPERVISOR keeps its OFFICERs OFFICERs and in its subtree; the last active ADMIN stays one. */
  async update(actor: Actor, input: UpdateAccount): Promise<UserEntity> {
    const problems = new FieldProblems();
    let fullName: string | null = null;
    if (input.fullName !== null && input.fullName !== undefined) {
      fullName = input.fullName.normalize('NFC').trim();
      if (!fullName) problems.add('fullName', 'Họ tên không được để trống');
      else if (fullName.length > MAX_NAME) problems.add('fullName', `Họ tên không được dài quá ${MAX_NAME} ký tự`);
    }
    problems.throwIfAny();
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [ADMIN_SET_LOCK]);
      const target = await this.manageable(m, actor, input.id);
      const role = input.role ?? null;
      if (role && actor.role !== Role.ADMIN && role !== Role.OFFICER && role !== Role.GRASSROOTS) {
        throw refused('Giám sát viên chỉ được giao vai trò cán bộ (OFFICER) hoặc CĐCS (GRASSROOTS)', 'ROLE_NOT_MANAGEABLE');
      }
      let orgUnitId: string | null = null;
      let unitKind: string = target.kind;
      if (input.orgUnitId !== null && input.orgUnitId !== undefined) {
        const [unit] = isUuid(input.orgUnitId) ? await m.query(`SELECT id, path, kind, dissolved_at FROM org_unit WHERE id = $1`, [input.orgUnitId]) : [];
        if (!unit || !canSeeUnit(actor, unit.path)) throw unitNotFound();
        if (unit.dissolved_at && unit.id !== target.org_unit_id) throw problems.add('orgUnitId', 'Đơn vị đã giải thể').error();
        orgUnitId = unit.id;
        unitKind = unit.kind;
      }
      // A GRASSROOTS account sits on a CĐCS, and a CĐCS's account stays GRASSROOTS (docs/architecture.md#grassroots-unions).
      const finalRole = role ?? target.role;
      if (finalRole === Role.GRASSROOTS && unitKind !== 'GRASSROOTS') {
        throw problems.add(orgUnitId ? 'orgUnitId' : 'role', 'Tài khoản CĐCS phải thuộc một CĐCS').error();
      }
      if (target.role === Role.GRASSROOTS && finalRole !== Role.GRASSROOTS && unitKind === 'GRASSROOTS') {
        throw problems.add('role', 'Tài khoản đặt tại CĐCS chỉ có vai trò CĐCS; hãy chuyển tài khoản sang đơn vị khác').error();
      }
      if (target.role === Role.ADMIN && target.active && role && role !== Role.ADMIN) await this.keepAnAdmin(m, target.id, 'hạ quyền');
      await m.query(
        `UPDATE app_user SET full_name = coalesce($2, full_name), role = coalesce($3, role), org_unit_id = coalesce($4::uuid, org_unit_id) WHERE id = $1`,
        [target.id, fullName, role, orgUnitId],
      );
      return this.reload(m, target.id);
    });
  }

  /**
   * The account stops working at once: its tokens are cut off (token_version) and it can no longer log
   * in. Its open founding cases are unassigned in the same transaction, one history row each.
   * Nobody deactivates itself; the last active ADMIN stays. Deactivating an inactive account changes nothing.
   */
  async deactivate(actor: Actor, id: string): Promise<UserEntity> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [ADMIN_SET_LOCK]);
      const target = await this.manageable(m, actor, id);
      if (target.id === actor.userId) throw refused('Bạn không thể tự ngừng hoạt động tài khoản của mình', 'SELF');
      if (!target.active) return this.reload(m, target.id);
      if (target.role === Role.ADMIN) await this.keepAnAdmin(m, target.id, 'ngừng hoạt động');
      await m.query(`UPDATE app_user SET active = false, deactivated_at = now(), token_version = token_version + 1 WHERE id = $1`, [target.id]);
      await unassignOpenCases(m, target.id, actor.userId, UNASSIGNED_ON_DEACTIVATION);
      return this.reload(m, target.id);
    });
  }

  /** The account may log in again; tokens issued before its deactivation stay cut off. */
  async reactivate(actor: Actor, id: string): Promise<UserEntity> {
    return this.db.transaction(async (m) => {
      const target = await this.manageable(m, actor, id);
      if (!target.active) await m.query(`UPDATE app_user SET active = true, deactivated_at = NULL WHERE id = $1`, [target.id]);
      return this.reload(m, target.id);
    });
  }

  /**
   * A random temporary password, returned once and stored only as its hash; the user must change it
   * before doing anything else, and its existing tokens are cut off.
   */
  async resetPassword(actor: Actor, id: string): Promise<{ user: UserEntity; temporaryPassword: string }> {
    return this.db.transaction(async (m) => {
      const target = await this.manageable(m, actor, id);
      const [{ email }] = await m.query(`SELECT email FROM app_user WHERE id = $1`, [target.id]);
      const temporaryPassword = this.passwords.temporary(email);
      await m.query(`UPDATE app_user SET password_hash = $2, must_change_password = true, token_version = token_version + 1 WHERE id = $1`, [
        target.id,
        await this.passwords.hash(temporaryPassword),
      ]);
      return { user: await this.reload(m, target.id), temporaryPassword };
    });
  }

  /**
   * The caller's own password: the current one must match and the new one pass the policy (and differ
   * from it); every token issued before stops working, and a fresh one is returned.
   */
  async changePassword(actor: Actor, input: ChangeOwnPassword): Promise<{ accessToken: string; user: UserEntity; mustChangePassword: boolean }> {
    const [row] = await this.db.query(`SELECT email, password_hash FROM app_user WHERE id = $1`, [actor.userId]);
    if (!row) throw accountNotFound();
    const problems = new FieldProblems();
    const currentOk = await this.passwords.matches(input.currentPassword, row.password_hash);
    if (!currentOk) problems.add('currentPassword', 'Mật khẩu hiện tại không đúng');
    this.passwords.checkPolicy(problems, 'newPassword', input.newPassword, row.email);
    if (currentOk && input.newPassword === input.currentPassword) problems.add('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại');
    problems.throwIfAny();
    const newHash = await this.passwords.hash(input.newPassword);
    // Only over the hash just checked: a concurrent change or reset wins, this one is refused.
    // (In a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].)
    const [changed] = await this.db.query(
      `WITH c AS (
         UPDATE app_user SET password_hash = $3, must_change_password = false, token_version = token_version + 1
          WHERE id = $1 AND password_hash = $2 AND active RETURNING id, token_version)
       SELECT id, token_version FROM c`,
      [actor.userId, row.password_hash, newHash],
    );
    if (!changed) throw conflict('Mật khẩu vừa được thay đổi ở nơi khác; hãy đăng nhập lại');
    const user = await this.reload(this.db.manager, actor.userId);
    return { accessToken: await this.auth.issueToken({ id: user.id, tokenVersion: changed.token_version }), user, mustChangePassword: false };
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The account `id`, locked, if the caller may manage it: NOT_FOUND outside its scope (or no such
   * account), FORBIDDEN for a SUPERVISOR or ADMIN account when the caller is a SUPERVISOR.
   */
  private async manageable(m: EntityManager, actor: Actor, id: string): Promise<AccountRow> {
    if (!isUuid(id)) throw accountNotFound();
    const [row]: AccountRow[] = await m.query(
      `SELECT u.id, u.role, u.active, u.org_unit_id, o.path, o.kind FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1 FOR UPDATE OF u`,
      [id],
    );
    if (!row || !canSeeUnit(actor, row.path)) throw accountNotFound();
    if (actor.role === Role.OFFICER) throw refused('Cán bộ không được quản lý tài khoản');
    if (actor.role === Role.SUPERVISOR && row.role !== Role.OFFICER && row.role !== Role.GRASSROOTS) {
      throw refused('Giám sát viên chỉ quản lý tài khoản cán bộ (OFFICER) và tài khoản CĐCS (GRASSROOTS) trong phạm vi của mình', 'ROLE_NOT_MANAGEABLE');
    }
    return row;
  }

  /** Refuses (CONFLICT, reason LAST_ADMIN) when `userId` is the only active ADMIN. Under ADMIN_SET_LOCK. */
  private async keepAnAdmin(m: EntityManager, userId: string, what: string): Promise<void> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'ADMIN' AND active AND id <> $1`, [userId]);
    if (n === 0) {
      throw new AppError(ErrorCode.CONFLICT, `Không thể ${what} quản trị viên đang hoạt động cuối cùng`, { reason: 'LAST_ADMIN' });
    }
  }

  private async reload(m: EntityManager, id: string): Promise<UserEntity> {
    return (await m.getRepository(UserEntity).findOneBy({ id }))!;
  }
}
