import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { compare } from 'bcryptjs';
import { KeyObject, createSecretKey } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { UserEntity } from '@app/persistence';
import { Actor, Role } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { RawRow, poolOf, preparedSql, runSql } from '../common/prepared-sql';
import { ActorCache } from './actor-cache';
import { USER_COLUMNS, userFromRow } from './users.service';

/** Any token that does not name a current session (bad signature, expired, revoked). */
export const TOKEN_REFUSED = 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại';

// Every authenticated request runs it: prepared, and straight on the pool (no TypeORM query runner).
// The whole user row: the guard hands it to the request's users' loader, so `me` reads nothing more.
const ACTOR_SQL = preparedSql(`SELECT ${USER_COLUMNS}, o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`);

/** Remembered verified tokens, at most (~1 MB); past it the oldest is forgotten. */
const MAX_VERIFIED_TOKENS = 5_000;

/** What a token says: its user and the user's token version when it was issued (absent in older tokens). */
interface TokenClaims {
  sub: string;
  tv?: number;
}

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = '$2b$10$1FUuKBChoguydq6MmpatwuDSFdIjpksyGJz6.lATfZ5v300emI/Yi';

@Injectable()
export class AuthService {
  /**
   * The HMAC secret as a KeyObject, made once: given a string, jsonwebtoken first tries (and fails)
   * to read it as a PEM public key on every call, ~0.4 ms of CPU per request.
   */
  private readonly key: KeyObject;
  /** Verified tokens (oldest first) → subject, token version and expiry; see subjectOf. */
  private readonly verified = new Map<string, TokenClaims & { exp: number }>();
  /** Callers' rows; trusted only while the API's ActorChangeListener hears the database's changes. */
  readonly callers = new ActorCache<RawRow>({ ttlMs: 60_000, holdMs: 5_000, maxEntries: 10_000 });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  /** A wrong email and a wrong password answer the same. */
  async login(email: string, password: string): Promise<{ accessToken: string; user: UserEntity; mustChangePassword: boolean }> {
    const user = await this.db.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
    const ok = await compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sai email hoặc mật khẩu');
    return { accessToken: await this.issueToken(user), user, mustChangePassword: user.mustChangePassword };
  }

  /** A token for the user, carrying its current token version: bumping the row's version cuts it off. */
  issueToken(user: { id: string; tokenVersion: number }): Promise<string> {
    const claims: TokenClaims = { sub: user.id, tv: user.tokenVersion };
    return this.jwt.signAsync(claims, { secret: this.key as unknown as Buffer, algorithm: 'HS256', expiresIn: this.config.jwtTtlSeconds });
  }

  /**
   * Resolves a bearer token to the caller; the user row is read (or taken from `callers`, which forgets it when
   * it changes) so a deactivated user, a moved unit or a token cut off (its version claim behind the row's)
   * takes effect at once.
   */
  async actorFromToken(token: string): Promise<Actor> {
    return (await this.callerFromToken(token)).actor;
  }

  /** The caller of a token (as actorFromToken) with its user row as read. */
  async callerFromToken(token: string): Promise<{ actor: Actor; user: UserEntity }> {
    const { sub, tv } = await this.subjectOf(token);
    let u = this.callers.get(sub);
    if (!u) {
      const started = this.callers.readStarted();
      [u] = await runSql(poolOf(this.db), ACTOR_SQL, [sub]);
      if (u) this.callers.put(sub, u, started);
    }
    // Tokens issued before token versions existed carry none: version 0, the column's default.
    if (!u || !u.active || u.token_version !== (tv ?? 0)) throw new AppError(ErrorCode.UNAUTHENTICATED, TOKEN_REFUSED);
    const actor: Actor = {
      userId: u.id,
      role: u.role as Role,
      orgUnitId: u.org_unit_id,
      orgPath: u.path,
      fullName: u.full_name,
      email: u.email,
      mustChangePassword: u.must_change_password,
    };
    return { actor, user: userFromRow(u) };
  }

  /**
   * The subject of a valid token. A token's verdict depends only on its text, the process's key and
   * the clock: once verified it is remembered with its `exp`, checked on every use as jsonwebtoken
   * does (expired from the second `exp` on), so repeats skip the HMAC and the decoding.
   */
  private async subjectOf(token: string): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known && Math.floor(Date.now() / 1000) < known.exp) return known;
    this.verified.delete(token);
    let payload: { sub: string; tv?: unknown; exp?: number };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; tv?: unknown; exp?: number }>(token, {
        secret: this.key as unknown as Buffer,
        algorithms: ['HS256'],
      });
    } catch {
      throw new AppError(ErrorCode.UNAUTHENTICATED, TOKEN_REFUSED);
    }
    // A version that is not a whole number matches no row (the comparison with the row refuses it).
    const claims: TokenClaims = { sub: payload.sub, tv: payload.tv === undefined ? undefined : Number.isInteger(payload.tv) ? (payload.tv as number) : -1 };
    if (typeof payload.exp === 'number') {
      if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { ...claims, exp: payload.exp });
    }
    return claims;
  }
}
