import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, OrgUnitChange, RestructuringService, Role } from '@app/core';
import { AnyRole, CurrentActor, Roles } from '../auth/access.decorators';
import { DateDay } from '../graphql/date.scalar';
import {
  ChangeOrgUnitLevelInput,
  DissolveOrgUnitInput,
  FoundOrgUnitInput,
  MergeOrgUnitsInput,
  MoveOrgUnitInput,
  RenameOrgUnitInput,
  SplitOrgUnitInput,
  TransferOrgUnitsInput,
} from '../graphql/restructuring.inputs';
import { OrgUnitChangeModel } from '../graphql/restructuring.models';

/** Restructuring (docs/architecture.md#restructuring): the writes are ADMIN only; the history is read within scope. */
@Resolver(() => OrgUnitChangeModel)
export class RestructuringResolver {
  constructor(private readonly restructuring: RestructuringService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, { description: 'Move a unit (with its subtree) under another parent from a day. ADMIN' })
  moveOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: MoveOrgUnitInput): Promise<OrgUnitChange> {
    return this.restructuring.move(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, { description: 'Move many units under one new parent by one decision from a day (bulk transfer of CĐCS). ADMIN' })
  transferOrgUnits(@CurrentActor() actor: Actor, @Args('input') input: TransferOrgUnitsInput): Promise<OrgUnitChange> {
    return this.restructuring.transfer(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, { description: 'Rename a unit from a day; earlier days keep the old name. ADMIN' })
  renameOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: RenameOrgUnitInput): Promise<OrgUnitChange> {
    return this.restructuring.rename(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, { description: 'Found a unit that exists from a day (e.g. a new bloc union). ADMIN' })
  foundOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: FoundOrgUnitInput): Promise<OrgUnitChange> {
    return this.restructuring.found(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, {
    description: 'Dissolve a unit from a day; what hangs on it goes to transferTo, or the call is refused naming what would be left behind. ADMIN',
  })
  dissolveOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: DissolveOrgUnitInput): Promise<OrgUnitChange> {
    return this.restructuring.dissolve(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, {
    description:
      "Raise a unit's level one step from a day (a CĐCS to a cấp trên cơ sở, a cấp trên cơ sở to a liên đoàn), refused while it holds what the new level may not. ADMIN",
  })
  upgradeOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: ChangeOrgUnitLevelInput): Promise<OrgUnitChange> {
    return this.restructuring.upgrade(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, {
    description:
      "Lower a unit's level one step from a day (a liên đoàn to a cấp trên cơ sở, a cấp trên cơ sở to a CĐCS), refused while it holds what the new level may not. ADMIN",
  })
  downgradeOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: ChangeOrgUnitLevelInput): Promise<OrgUnitChange> {
    return this.restructuring.downgrade(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, { description: 'Merge units into an existing one (into) or a new one (newUnit) from a day. ADMIN' })
  mergeOrgUnits(@CurrentActor() actor: Actor, @Args('input') input: MergeOrgUnitsInput): Promise<OrgUnitChange> {
    return this.restructuring.merge(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, {
    description:
      'Split a unit from a day into new units, each taking the child units, enterprises (with open cases) and accounts listed for it; the unit is dissolved into the first part unless keepOriginal. ADMIN',
  })
  splitOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: SplitOrgUnitInput): Promise<OrgUnitChange> {
    return this.restructuring.split(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrgUnitChangeModel, { description: 'Cancel a change scheduled for a later day; CONFLICT once it applied. ADMIN' })
  cancelOrgUnitChange(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<OrgUnitChange> {
    return this.restructuring.cancel(actor, id);
  }

  @AnyRole()
  @Query(() => [OrgUnitChangeModel], {
    description: 'Every change of a unit (scheduled, applied, cancelled) with who, when, the effective day and the decision; latest day first',
  })
  orgUnitHistory(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<OrgUnitChange[]> {
    return this.restructuring.history(actor, id);
  }

  @AnyRole()
  @Query(() => [OrgUnitChangeModel], {
    description:
      'The changes scheduled and not yet applied for units of the subtree under rootId (default: your unit; OFFICER: its own unit only), effective on or before until when given; earliest first. A tree asOf a later day does not show them: a scheduled change applies on its day',
  })
  scheduledOrgChanges(
    @CurrentActor() actor: Actor,
    @Args('rootId', { type: () => ID, nullable: true }) rootId?: string,
    @Args('until', { type: () => DateDay, nullable: true }) until?: string,
  ): Promise<OrgUnitChange[]> {
    return this.restructuring.scheduled(actor, rootId, until);
  }
}
