import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RewardNominationEntity } from './reward.entity';

/**
 * Each decision on a nomination, append-only: who moved it from which status to which, when, and why.
 * RESTRICT keeps a decided nomination (the only kind with events) from being deleted.
 */
@Entity('reward_nomination_event')
@Check('CHK_reward_nomination_event_status', `"to_status" IN ('PROPOSED','APPROVED','REJECTED')`)
export class RewardNominationEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'PK_reward_nomination_event' }) id: string;
  @Index('IDX_reward_nomination_event_nomination')
  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;
  @ManyToOne(() => RewardNominationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'FK_reward_nomination_event_nomination' })
  nomination?: RewardNominationEntity;
  @Column({ name: 'from_status', type: 'varchar', length: 10, nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'varchar', length: 10 }) toStatus: string;
  @Column({ name: 'by_user_id', type: 'uuid' }) byUserId: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
