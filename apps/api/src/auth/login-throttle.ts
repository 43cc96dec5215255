import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AppError, ErrorCode } from '@app/core';

/**
 * Brute-force guard for `login`: failed attempts per account and per address within a window,
 * counted in Postgres so that every API replica sees the same counts.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, address: string): string[] {
    return [`account:${email.trim().toLowerCase()}`, `address:${address}`];
  }

  async check(email: string, address: string): Promise<void> {
    const [account, addr] = this.keys(email, address);
    const rows: { key: string; n: number }[] = await this.db.query(
      `SELECT key, count(*)::int AS n FROM login_failure WHERE key = ANY($1) AND at > now() - ($2::int * interval '1 millisecond') GROUP BY key`,
      [[account, addr], this.config.loginWindowMs],
    );
    const n = (k: string) => rows.find((r) => r.key === k)?.n ?? 0;
    // Addresses get more room: many users may share one (an office's NAT).
    if (n(account) >= this.config.loginMaxAttempts || n(addr) >= this.config.loginMaxAttempts * 4) {
      throw new AppError(
        ErrorCode.TOO_MANY_REQUESTS,
        `Đăng nhập sai quá nhiều lần; hãy chờ ${Math.ceil(this.config.loginWindowMs / 60_000)} phút rồi thử lại`,
        {
          retryAfterSeconds: Math.ceil(this.config.loginWindowMs / 1000),
        },
      );
    }
  }

  async failed(email: string, address: string): Promise<void> {
    const [account, addr] = this.keys(email, address);
    await this.db.query(`INSERT INTO login_failure (key) VALUES ($1), ($2)`, [account, addr]);
  }

  async succeeded(email: string): Promise<void> {
    await this.db.query(`DELETE FROM login_failure WHERE key = $1`, [this.keys(email, '')[0]]);
  }
}
