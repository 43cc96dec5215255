import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VI_COLLATION } from '@app/persistence';

/**
 * `expr` in Vietnamese order (A Ă Â B C D Đ E Ê …, a tone after its base letter), whatever the database's default
 * collation: for ORDER BY and for a keyset cursor's comparison, which must use the same order
 * (docs/architecture.md#vietnamese-name-order).
 */
export const viOrder = (expr: string): string => `${expr} COLLATE "${VI_COLLATION}"`;

/**
 * Says once at start when the server has no ICU: the `vietnamese` collation is then the database's own, so names
 * sort as the database sorts them (code points under C). Never fails the start (a database not migrated yet says so).
 */
@Injectable()
export class VietnameseOrderCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('VietnameseOrder');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const [row] = await this.db.query(`SELECT collprovider FROM pg_collation WHERE collname = $1 LIMIT 1`, [VI_COLLATION]);
      if (!row) this.logger.warn(`Collation "${VI_COLLATION}" is missing (migrations not run?): names sort by the database's collation`);
      else if (row.collprovider !== 'i') {
        this.logger.warn(`The PostgreSQL server has no ICU: collation "${VI_COLLATION}" is the database's own, names do not sort in Vietnamese order`);
      }
    } catch (e) {
      this.logger.warn(`Could not check collation "${VI_COLLATION}": ${(e as Error).message}`);
    }
  }
}
