import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { FoundingCaseEntity } from './founding-case.entity';
import { MembershipApplicationEntity } from './membership.entity';
import { UserEntity } from './user.entity';

/**
 * Fires once per case, stage entry and level, or once per overdue application and level
 * (the unique keys make the sweep idempotent).
 */
@Entity('escalation')
@Index('UQ_escalation_once', ['caseId', 'stageEntry', 'level'], { unique: true })
@Index('UQ_escalation_application_once', ['applicationId', 'level'], { unique: true })
@Index('UQ_escalation_return_once', ['returnUnionId', 'returnPeriod', 'level'], { unique: true })
@Index('UQ_escalation_action_item_once', ['actionItemId', 'level'], { unique: true })
@Check(
  'CHK_escalation_subject',
  `num_nonnulls("case_id", "application_id", "return_union_id", "action_item_id") = 1 AND ("return_union_id" IS NULL) = ("return_period" IS NULL)`,
)
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @ManyToOne(() => FoundingCaseEntity, { onDelete: 'CASCADE', nullable: true }) @JoinColumn({ name: 'case_id' }) case?: FoundingCaseEntity | null;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId: string | null;
  @ManyToOne(() => MembershipApplicationEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'application_id' })
  application?: MembershipApplicationEntity | null;
  /** A CĐCS whose statistics return for `returnPeriod` is due or missing (docs/architecture.md#statistics-returns); no foreign key: units are dissolved, not deleted. */
  @Column({ name: 'return_union_id', type: 'uuid', nullable: true }) returnUnionId: string | null;
  @Column({ name: 'return_period', type: 'varchar', length: 16, nullable: true }) returnPeriod: string | null;
  /** An action item of a review meeting past its days (docs/architecture.md#review-meetings); the table has no entity. */
  @Column({ name: 'action_item_id', type: 'uuid', nullable: true }) actionItemId: string | null;
  @Column({ type: 'varchar', length: 30 }) stage: string;
  @Column({ name: 'stage_entry', type: 'int' }) stageEntry: number;
  @Column({ type: 'varchar', length: 10 }) level: string;
  @Index('IDX_escalation_raised')
  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;
}

/**
 * The sweep's progress mark per case: the highest level raised (1 WARNING, 2 BREACH, 3 CRITICAL) in the stage entry
 * it names; a row of an older stage entry counts as none, so a case that moved on starts again at level 0. A table of
 * its own so that advancing it rewrites one narrow row, not a founding_case row and its indexes.
 */
@Entity('escalation_progress')
export class EscalationProgressEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => FoundingCaseEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'case_id' }) case?: FoundingCaseEntity;
  @Column({ name: 'stage_entry', type: 'int' }) stageEntry: number;
  @Column({ type: 'smallint' }) level: number;
}

/** An escalation addressed to one user; acknowledged by that user; emailed at most once. */
@Entity('notification')
@Index('UQ_notification_once', ['escalationId', 'userId'], { unique: true })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'escalation_id', type: 'uuid' }) escalationId: string;
  @ManyToOne(() => EscalationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'escalation_id' }) escalation?: EscalationEntity;
  @Index('IDX_notification_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true }) emailedAt: Date | null;
}

/** One row per run of a once-at-a-time scheduled job (e.g. the escalation sweep), for operators and tests. */
@Entity('job_run')
export class JobRunEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Index('IDX_job_run_job')
  @Column({ type: 'varchar', length: 60 })
  job: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) details: Record<string, unknown> | null;
}
