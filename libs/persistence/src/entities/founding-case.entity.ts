import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseEntity } from './enterprise.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';

/**
 * A founding case. `version` is checked by hand (UPDATE … WHERE version = $n): TypeORM's
 * @VersionColumn does not check on save. Escalation days are stored at stage entry so the
 * sweep is a set-based date comparison.
 */
@Entity('founding_case')
@Index('UQ_founding_case_open_per_enterprise', { synchronize: false }) // partial unique, made by migration
@Index('IDX_founding_case_warning', { synchronize: false }) // partial covering index of the open cases by warning day (the sweep), made by migration
@Index('IDX_founding_case_recognized', { synchronize: false }) // partial covering index on recognized_on, made by migration
@Index('IDX_founding_case_as_of', { synchronize: false }) // covering index on opened_at for the as-of figures, made by migration
@Index('IDX_founding_case_open_critical', { synchronize: false }) // partial index of the open cases by critical day (calendar warning, recompute), made by migration
@Check('CHK_founding_case_stage', `"stage" IN ('SURVEY','OUTREACH','GUIDANCE','FOUNDING_CEREMONY','RECOGNITION_DECISION','RECOGNIZED','CLOSED')`)
export class FoundingCaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_founding_case_enterprise')
  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;
  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'enterprise_id' }) enterprise?: EnterpriseEntity;
  @Index('IDX_founding_case_org_unit')
  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'org_unit_id' }) orgUnit?: OrgUnitEntity;
  @Index('IDX_founding_case_assignee')
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true }) @JoinColumn({ name: 'assignee_id' }) assignee?: UserEntity | null;
  @Column({ type: 'varchar', length: 30 }) stage: string;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'stage_entered_at', type: 'timestamptz' }) stageEnteredAt: Date;
  @Column({ name: 'stage_entry', type: 'int', default: 1 }) stageEntry: number;
  @Column({ name: 'stage_due_on', type: 'date', nullable: true }) stageDueOn: string | null;
  /** Due day of the first SURVEY entry (later ones are on the history rows). */
  @Column({ name: 'opened_due_on', type: 'date', nullable: true }) openedDueOn: string | null;
  @Column({ name: 'warning_on', type: 'date', nullable: true }) warningOn: string | null;
  @Column({ name: 'critical_on', type: 'date', nullable: true }) criticalOn: string | null;
  @Column({ name: 'closed_from_stage', type: 'varchar', length: 30, nullable: true }) closedFromStage: string | null;
  @Column({ name: 'closed_reason', type: 'varchar', length: 30, nullable: true }) closedReason: string | null;
  @Column({ name: 'dossier_completed_on', type: 'date', nullable: true }) dossierCompletedOn: string | null;
  @Column({ name: 'decision_number', type: 'varchar', length: 100, nullable: true }) decisionNumber: string | null;
  @Column({ name: 'decided_on', type: 'date', nullable: true }) decidedOn: string | null;
  @Column({ name: 'recognized_on', type: 'date', nullable: true }) recognizedOn: string | null;
  @Index('IDX_founding_case_grassroots')
  @Column({ name: 'grassroots_union_id', type: 'uuid', nullable: true })
  grassrootsUnionId: string | null;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT', nullable: true }) @JoinColumn({ name: 'grassroots_union_id' }) grassrootsUnion?: OrgUnitEntity | null;
  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'opened_by', type: 'uuid' }) openedBy: string;
}

/** Evidence recorded for a stage: append-only; the latest of a kind counts. */
@Entity('case_evidence')
@Check('CHK_case_evidence_kind', `"kind" IN ('SURVEY','OUTREACH','COMMITTEE','CONGRESS','DECISION')`)
export class CaseEvidenceEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Index('IDX_case_evidence_case')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;
  @ManyToOne(() => FoundingCaseEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'case_id' }) case?: FoundingCaseEntity;
  @Column({ type: 'varchar', length: 20 }) kind: string;
  @Column({ type: 'varchar', length: 30 }) stage: string;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn: string;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}

/** One row per version bump after opening: history rows = version − 1. */
@Entity('case_transition')
// Unique (case_id, version) INCLUDE (at, to_stage, stage_due_on), made by migration: the replay as of an instant reads the index alone.
@Index('UQ_case_transition_case_version_covering', { synchronize: false })
export class CaseTransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => FoundingCaseEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'case_id' }) case?: FoundingCaseEntity;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'varchar', length: 30 }) action: string;
  @Column({ name: 'from_stage', type: 'varchar', length: 30, nullable: true }) fromStage: string | null;
  @Column({ name: 'to_stage', type: 'varchar', length: 30 }) toStage: string;
  /** The due day of the stage in force after this step, so overdue-at-a-past-day is answerable. */
  @Column({ name: 'stage_due_on', type: 'date', nullable: true }) stageDueOn: string | null;
  @Column({ name: 'by_user_id', type: 'uuid' }) byUserId: string;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
