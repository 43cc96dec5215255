import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ActionItemView, Actor, MeetingSnapshot, ReviewMeetingView, ReviewMeetingsService } from '@app/core';
import { SnapshotChange } from '@app/domain';
import { AnyRole, CurrentActor, Managers } from '../auth/access.decorators';
import {
  ActionItemModel,
  CancelReviewMeetingInput,
  HoldReviewMeetingInput,
  ReviewMeetingModel,
  ReviewMeetingSnapshotModel,
  ScheduleMonthlyReviewMeetingsInput,
  ScheduleReviewMeetingInput,
  SnapshotChangeModel,
} from '../graphql/review-meetings.models';

/** Review meetings (giao ban) of a unit: schedule, hold once with a frozen snapshot, action items (docs/architecture.md#review-meetings). */
@Resolver(() => ReviewMeetingModel)
export class ReviewMeetingResolver {
  constructor(private readonly meetings: ReviewMeetingsService) {}

  @AnyRole()
  @Query(() => [ReviewMeetingModel], { description: "A unit's meetings of a year, by day (OFFICER: its own unit; SUPERVISOR: its subtree)" })
  reviewMeetings(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<ReviewMeetingView[]> {
    return this.meetings.list(actor, orgUnitId, year);
  }

  @AnyRole()
  @Query(() => ReviewMeetingModel, { description: 'One meeting with its snapshot, the previous held meeting and the change since it' })
  reviewMeeting(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ReviewMeetingView> {
    return this.meetings.get(actor, id);
  }

  @Managers()
  @Mutation(() => ReviewMeetingModel, { description: 'Schedule a meeting of a unit on a day, with its chair' })
  scheduleReviewMeeting(@CurrentActor() actor: Actor, @Args('input') input: ScheduleReviewMeetingInput): Promise<ReviewMeetingView> {
    return this.meetings.schedule(actor, input);
  }

  @Managers()
  @Mutation(() => [ReviewMeetingModel], {
    description: "The year's monthly meetings in one step (working days only; months already past or with a meeting are left out): those created",
  })
  scheduleMonthlyReviewMeetings(@CurrentActor() actor: Actor, @Args('input') input: ScheduleMonthlyReviewMeetingsInput): Promise<ReviewMeetingView[]> {
    return this.meetings.scheduleMonthly(actor, input);
  }

  @Managers()
  @Mutation(() => ReviewMeetingModel, { description: 'Cancel a scheduled meeting (a held one stays)' })
  cancelReviewMeeting(@CurrentActor() actor: Actor, @Args('input') input: CancelReviewMeetingInput): Promise<ReviewMeetingView> {
    return this.meetings.cancel(actor, input.id, input.reason);
  }

  @Managers()
  @Mutation(() => ReviewMeetingModel, {
    description: 'Hold the meeting once: freezes the snapshot of the figures as of its day, records the minutes and action items (again: CONFLICT)',
  })
  holdReviewMeeting(@CurrentActor() actor: Actor, @Args('input') input: HoldReviewMeetingInput): Promise<ReviewMeetingView> {
    return this.meetings.hold(actor, { id: input.id, minutes: input.minutes, actionItems: input.actionItems.map((a) => ({ ...a })) });
  }

  @AnyRole()
  @Mutation(() => ActionItemModel, { description: 'Mark an action item done (its assignee, or a supervisor of the unit)' })
  completeActionItem(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ActionItemView> {
    return this.meetings.completeActionItem(actor, id);
  }

  @ResolveField(() => ReviewMeetingSnapshotModel, { nullable: true })
  snapshot(@Parent() m: ReviewMeetingView): ReviewMeetingSnapshotModel | null {
    return m.snapshot ? snapshotModel(m.snapshot) : null;
  }

  @ResolveField(() => ReviewMeetingModel, { nullable: true })
  previous(@Parent() m: ReviewMeetingView): Promise<ReviewMeetingView | null> {
    return this.meetings.previousHeld(m);
  }

  @ResolveField(() => [SnapshotChangeModel])
  changeSincePrevious(@Parent() m: ReviewMeetingView): Promise<SnapshotChange[]> {
    return this.meetings.changeSincePrevious(m);
  }

  @ResolveField(() => [ActionItemModel])
  async actionItems(@Parent() m: ReviewMeetingView): Promise<ActionItemView[]> {
    return (await this.meetings.actionItems([m.id])).get(m.id) ?? [];
  }
}

function snapshotModel(s: MeetingSnapshot): ReviewMeetingSnapshotModel {
  return { ...s, unitName: s.unit.name, takenAt: new Date(s.takenAt) };
}
