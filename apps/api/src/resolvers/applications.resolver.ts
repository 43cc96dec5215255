import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, ApplicationsService } from '@app/core';
import { MembershipApplicationEntity } from '@app/persistence';
import { CurrentActor, Everyone, Managers } from '../auth/access.decorators';
import { ApplicationInput, DecideApplicationInput } from '../graphql/inputs';
import { MembershipApplicationModel } from '../graphql/models';

@Resolver(() => MembershipApplicationModel)
export class ApplicationResolver {
  constructor(private readonly applications: ApplicationsService) {}

  // A CĐCS's own users take applications to it too (decided with admitMembers).
  @Everyone()
  @Mutation(() => MembershipApplicationModel)
  submitApplication(@CurrentActor() actor: Actor, @Args('input') input: ApplicationInput): Promise<MembershipApplicationEntity> {
    return this.applications.submit(actor, input);
  }

  @Managers()
  @Mutation(() => MembershipApplicationModel)
  decideApplication(@CurrentActor() actor: Actor, @Args('input') input: DecideApplicationInput): Promise<MembershipApplicationEntity> {
    return this.applications.decide(actor, input);
  }
}
