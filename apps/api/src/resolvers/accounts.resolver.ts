import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService, Actor, AppError, ErrorCode, OrgStructureService, OrgUnitHeadFigures, Page, RestructuringService, canSeeUnit } from '@app/core';
import { DateDay } from '../graphql/date.scalar';
import { OrgUnitEntity, UserEntity } from '@app/persistence';
import { AllowedBeforePasswordChange, AnyRole, Everyone, CurrentActor, Managers } from '../auth/access.decorators';
import { LoginThrottle } from '../auth/login-throttle';
import { AccountFilterInput, ChangePasswordInput, UpdateOrgUnitInput, UpdateUserInput } from '../graphql/account-inputs';
import { OrgUnitHeadFiguresModel, PasswordResetPayloadModel, UserConnectionModel } from '../graphql/account-models';
import { PageArgs } from '../graphql/inputs';
import { GqlContext } from '../graphql/loaders';
import { AuthPayloadModel, OrgUnitModel, UserModel } from '../graphql/models';

/**
 * The accounts of the office. ADMIN: every account; SUPERVISOR: the OFFICERs of its subtree (an
 * account outside it is NOT_FOUND, a SUPERVISOR or ADMIN account FORBIDDEN); OFFICER: none, except
 * changing its own password.
 */
@Resolver(() => UserModel)
export class AccountsResolver {
  constructor(
    private readonly service: AccountsService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Managers()
  @Query(() => UserConnectionModel, { description: 'Accounts of your subtree (ADMIN: all), active or not, ordered by full name' })
  accounts(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AccountFilterInput, nullable: true }) filter: AccountFilterInput | undefined,
    @Args() page: PageArgs,
  ): Promise<Page<UserEntity>> {
    return this.service.list(actor, filter ?? {}, page.first, page.after);
  }

  @Managers()
  @Mutation(() => UserModel, { description: 'Change the full name, role or unit of an account (the last active ADMIN stays an ADMIN)' })
  updateUser(@CurrentActor() actor: Actor, @Args('input') input: UpdateUserInput): Promise<UserEntity> {
    return this.service.update(actor, input);
  }

  @Managers()
  @Mutation(() => UserModel, {
    description:
      'The account stops working at once (its tokens are refused from the next request); its open founding cases are unassigned. Not yourself, not the last active ADMIN',
  })
  deactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<UserEntity> {
    return this.service.deactivate(actor, id);
  }

  @Managers()
  @Mutation(() => UserModel, { description: 'The account may log in again (tokens issued before its deactivation stay refused)' })
  reactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<UserEntity> {
    return this.service.reactivate(actor, id);
  }

  @Managers()
  @Mutation(() => PasswordResetPayloadModel, {
    description: 'A random temporary password, shown once; the account must change it before anything else, and its tokens are refused',
  })
  resetPassword(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<{ user: UserEntity; temporaryPassword: string }> {
    return this.service.resetPassword(actor, id);
  }

  @Everyone()
  @AllowedBeforePasswordChange()
  @Mutation(() => AuthPayloadModel, { description: 'Change your own password: every token issued before stops working; answers a fresh token' })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput, @Context() ctx: GqlContext): Promise<AuthPayloadModel> {
    // A wrong current password counts as a failed login of the account: no guessing through a stolen token.
    const address = ctx.req.ip ?? 'unknown';
    await this.throttle.check(actor.email, address);
    try {
      return (await this.service.changePassword(actor, input)) as unknown as AuthPayloadModel;
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.BAD_USER_INPUT && (e.details.fields as string[]).includes('currentPassword')) {
        await this.throttle.failed(actor.email, address);
      }
      throw e;
    }
  }
}

/** The organisation page: renaming a unit, the visible tree in one read, each unit's head figures. */
@Resolver(() => OrgUnitModel)
export class OrgStructureResolver {
  constructor(
    private readonly structure: OrgStructureService,
    private readonly restructuring: RestructuringService,
  ) {}

  @Managers()
  @Mutation(() => OrgUnitModel, { description: 'Rename a unit or correct its founding day: ADMIN any unit, SUPERVISOR the units below its own' })
  updateOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: UpdateOrgUnitInput): Promise<OrgUnitEntity> {
    return this.structure.rename(actor, input);
  }

  @AnyRole()
  @Query(() => [OrgUnitModel], {
    description:
      'The units of the subtree under rootId (default: your unit), parents before children (by depth, then name), with parentId to build the tree. OFFICER: its own unit only',
  })
  orgUnitTree(
    @CurrentActor() actor: Actor,
    @Args('rootId', { type: () => ID, nullable: true }) rootId?: string,
    @Args('asOf', {
      type: () => DateDay,
      nullable: true,
      description: 'The tree as it stood on that day (names and parents of the day; units not yet founded or dissolved left out)',
    })
    asOf?: string,
  ): Promise<OrgUnitEntity[]> {
    return asOf ? this.restructuring.treeAsOf(actor, rootId, asOf) : this.structure.tree(actor, rootId);
  }

  @ResolveField(() => OrgUnitHeadFiguresModel, { description: "The unit's own figures at a glance (the unit itself, not its subtree)" })
  async headFigures(@Parent() unit: OrgUnitEntity, @Context() ctx: GqlContext): Promise<Omit<OrgUnitHeadFigures, 'orgUnitId'>> {
    // A unit reached through `parent` may lie above the caller's scope: its figures are not shown.
    const actor = ctx.req.actor;
    if (!actor || !canSeeUnit(actor, unit.path)) throw new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy đơn vị');
    const figures = await ctx.loaders.headFigures.load(unit.id);
    return figures ?? { enterprises25Plus: 0, withUnion: 0, openCases: 0, overdueCases: 0, activeUsers: 0, childCount: 0 };
  }
}
