import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FoundingCaseEntity } from './founding-case.entity';
import { UserEntity } from './user.entity';

/** Fires once per case, stage entry and level (the unique key makes the sweep idempotent). */
@Entity('escalation')
@Index('UQ_escalation_once', ['caseId', 'stageEntry', 'level'], { unique: true })
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => FoundingCaseEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'case_id' }) case?: FoundingCaseEntity;
  @Column({ type: 'varchar', length: 30 }) stage: string;
  @Column({ name: 'stage_entry', type: 'int' }) stageEntry: number;
  @Column({ type: 'varchar', length: 10 }) level: string;
  @Index('IDX_escalation_raised')
  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' }) raisedAt: Date;
}

/** An escalation addressed to one user; acknowledged by that user; emailed at most once. */
@Entity('notification')
@Index('UQ_notification_once', ['escalationId', 'userId'], { unique: true })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'escalation_id', type: 'uuid' }) escalationId: string;
  @ManyToOne(() => EscalationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'escalation_id' }) escalation?: EscalationEntity;
  @Index('IDX_notification_user')
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true }) emailedAt: Date | null;
}
