import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseStage } from '@app/domain';
import { UserEntity } from '@app/persistence';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { AppError, ErrorCode, notFound } from '../common/app-error';
import { isUuid } from '../identity/account-errors';
import { UsersService } from '../identity/users.service';

export interface CreateGrassrootsAccount {
  caseId: string;
  email: string;
  fullName: string;
  password: string;
}

/** The first GRASSROOTS account of a CĐCS, made from the founding case that recognized it (the case page). */
@Injectable()
export class GrassrootsAccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  async create(actor: Actor, input: CreateGrassrootsAccount): Promise<UserEntity> {
    const [c] = isUuid(input.caseId)
      ? await this.db.query(`SELECT c.stage, c.grassroots_union_id, o.path FROM founding_case c JOIN org_unit o ON o.id = c.org_unit_id WHERE c.id = $1`, [
          input.caseId,
        ])
      : [];
    if (!c || !canSeeUnit(actor, c.path)) throw notFound('foundingCase');
    if (c.stage !== CaseStage.RECOGNIZED || !c.grassroots_union_id) {
      throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, 'Chỉ tạo tài khoản CĐCS khi hồ sơ đã được công nhận', {
        unmet: [],
        stage: c.stage,
        reason: 'WRONG_STAGE',
      });
    }
    return this.users.create(actor, {
      email: input.email,
      fullName: input.fullName,
      password: input.password,
      role: Role.GRASSROOTS,
      orgUnitId: c.grassroots_union_id,
    });
  }
}
