import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, AuthService, OrgUnitsService, Role, UsersService } from '@app/core';
import { OrgUnitEntity, UserEntity } from '@app/persistence';
import { AllowedBeforePasswordChange, AnyRole, Everyone, CurrentActor, Managers, Public } from '../auth/access.decorators';
import { CreateOrgUnitInput, CreateUserInput } from '../graphql/inputs';
import { GqlContext, loadIf } from '../graphql/loaders';
import { AuthPayloadModel, OrgUnitModel, UserModel } from '../graphql/models';
import { LoginThrottle } from '../auth/login-throttle';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly userService: UsersService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(@Args('email') email: string, @Args('password') password: string, @Context() ctx: GqlContext): Promise<AuthPayloadModel> {
    const address = ctx.req.ip ?? 'unknown';
    await this.throttle.check(email, address);
    try {
      const result = await this.auth.login(email, password);
      await this.throttle.succeeded(email);
      return result as unknown as AuthPayloadModel;
    } catch (e) {
      await this.throttle.failed(email, address);
      throw e;
    }
  }

  @Everyone()
  @AllowedBeforePasswordChange()
  @Query(() => UserModel)
  async me(@CurrentActor() actor: Actor, @Context() ctx: GqlContext): Promise<UserEntity> {
    return (await ctx.loaders.user.load(actor.userId))!;
  }

  @AnyRole()
  @Query(() => [UserModel], { description: 'Active users of a unit (default: your own), e.g. to pick an assignee' })
  users(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID, nullable: true }) orgUnitId?: string,
    @Args('role', { type: () => Role, nullable: true }) role?: Role,
  ): Promise<UserEntity[]> {
    return this.userService.list(actor, orgUnitId, role);
  }

  @Managers()
  @Mutation(() => UserModel)
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserEntity> {
    return this.userService.create(actor, input);
  }

  @ResolveField(() => OrgUnitModel)
  async orgUnit(@Parent() user: UserEntity, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(user.orgUnitId);
  }
}

@Resolver(() => OrgUnitModel)
export class OrgUnitResolver {
  constructor(private readonly units: OrgUnitsService) {}

  @AnyRole()
  @Query(() => [OrgUnitModel])
  orgUnits(@CurrentActor() actor: Actor, @Args('parentId', { type: () => ID, nullable: true }) parentId?: string): Promise<OrgUnitEntity[]> {
    return this.units.list(actor, parentId);
  }

  @Managers()
  @Mutation(() => OrgUnitModel)
  createOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: CreateOrgUnitInput): Promise<OrgUnitEntity> {
    return this.units.create(actor, input);
  }

  @ResolveField(() => OrgUnitModel, { nullable: true })
  parent(@Parent() unit: OrgUnitEntity, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> | null {
    return loadIf(ctx.loaders.orgUnit, unit.parentId);
  }

  @ResolveField(() => [OrgUnitModel])
  children(@Parent() unit: OrgUnitEntity, @Context() ctx: GqlContext): Promise<OrgUnitEntity[]> {
    return ctx.loaders.children.load(unit.id);
  }
}
