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
import { poolOf, preparedSql, runSql } from '../common/prepared-sql';

// Every authenticated request runs it: prepared, and straight on the pool (no TypeORM query runner).
const ACTOR_SQL = preparedSql(
  `SELECT u.id, u.role, u.org_unit_id, u.full_name, u.email, u.active, o.path
     FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`,
);

/** Remembered verified tokens, at most (~1 MB); past it the oldest is forgotten. */
const MAX_VERIFIED_TOKENS = 5_000;

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = '$2b$10$1FUuKBChoguydq6MmpatwuDSFdIjpksyGJz6.lATfZ5v300emI/Yi';

@Injectable()
export class AuthService {
  /**
   * The HMAC secret as a KeyObject, made once: given a string, jsonwebtoken first tries (and fails)
   * to read it as a PEM public key on every call, ~0.4 ms of CPU per request.
   */
  private readonly key: KeyObject;
  /** Verified tokens (oldest first) → subject and expiry; see subjectOf. */
  private readonly verified = new Map<string, { sub: string; exp: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  /** A wrong email and a wrong password answer the same. */
  async login(email: string, password: string): Promise<{ accessToken: string; user: UserEntity }> {
    const user = await this.db.getRepository(UserEntity).createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
    const ok = await compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong email or password');
    const accessToken = await this.jwt.signAsync({ sub: user.id }, { secret: this.key as unknown as Buffer, algorithm: 'HS256', expiresIn: this.config.jwtTtlSeconds });
    return { accessToken, user };
  }

  /** Resolves a bearer token to the caller; the user row is read so a deactivated user or a moved unit takes effect at once. */
  async actorFromToken(token: string): Promise<Actor> {
    const sub = await this.subjectOf(token);
    const [u] = await runSql(poolOf(this.db), ACTOR_SQL, [sub]);
    if (!u || !u.active) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Invalid or expired token');
    return { userId: u.id, role: u.role as Role, orgUnitId: u.org_unit_id, orgPath: u.path, fullName: u.full_name, email: u.email };
  }

  /**
   * The subject of a valid token. A token's verdict depends only on its text, the process's key and
   * the clock: once verified it is remembered with its `exp`, checked on every use as jsonwebtoken
   * does (expired from the second `exp` on), so repeats skip the HMAC and the decoding.
   */
  private async subjectOf(token: string): Promise<string> {
    const known = this.verified.get(token);
    if (known && Math.floor(Date.now() / 1000) < known.exp) return known.sub;
    this.verified.delete(token);
    let payload: { sub: string; exp?: number };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; exp?: number }>(token, { secret: this.key as unknown as Buffer, algorithms: ['HS256'] });
    } catch {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Invalid or expired token');
    }
    if (typeof payload.exp === 'number') {
      if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { sub: payload.sub, exp: payload.exp });
    }
    return payload.sub;
  }
}
