import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';

@Entity('enterprise')
@Check('CHK_enterprise_worker_count', `"worker_count" >= 0`)
@Check(
  'CHK_enterprise_funding_type',
  `"funding_type" IN ('STATE_BUDGET_FULL','STATE_BUDGET_PARTIAL','SELF_FINANCED_RECURRENT','SELF_FINANCED_FULL','NON_STATE')`,
)
@Index('IDX_enterprise_name_vi', { synchronize: false }) // (name COLLATE "vietnamese", id): the register by name, made by migration 1795496897950
@Index('IDX_enterprise_name_fold', { synchronize: false }) // btree on vn_fold(name) text_pattern_ops (name prefix without diacritics), made by migration
@Index('IDX_enterprise_closed_on', { synchronize: false }) // partial, the few closed enterprises by closing day (coverage of past days), made by migration
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 255 }) name: string;
  @Index('UQ_enterprise_tax_code', { unique: true })
  @Column({ name: 'tax_code', type: 'varchar', length: 20 })
  taxCode: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) address: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) district: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) sector: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) ownership: string | null;
  @Column({ name: 'worker_count', type: 'int' }) workerCount: number;
  /** The day the current worker count was taken (the latest enterprise_worker_count row's day); null when never given. */
  @Column({ name: 'surveyed_on', type: 'date', nullable: true }) surveyedOn: string | null;
  @Column({ name: 'has_union', type: 'boolean' }) hasUnion: boolean;
  @Index('IDX_enterprise_org_unit')
  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'org_unit_id' }) orgUnit?: OrgUnitEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** The day it ceased operating: from that day on it is out of coverage (enterprise_tally); null while operating. */
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn: string | null;
  @Column({ name: 'closed_note', type: 'text', nullable: true }) closedNote: string | null;
  /** The latest funding type recorded (enterprise_funding_type keeps every one with its day); null when never given. */
  @Column({ name: 'funding_type', type: 'varchar', length: 30, nullable: true }) fundingType: string | null;
  /** The day `fundingType` holds from. */
  @Column({ name: 'funding_type_from', type: 'date', nullable: true }) fundingTypeFrom: string | null;
}

/**
 * Each worker count of an enterprise, append-only: the count, the day it was taken, where it came from
 * (MANUAL: the register's form; IMPORT: a register import; SURVEY: a founding case's survey), who recorded
 * it and when. Written in the transaction that changes `enterprise.worker_count`; the newest row (highest
 * id) holds the enterprise's current count.
 */
@Entity('enterprise_worker_count')
@Check('CHK_enterprise_worker_count_value', `"worker_count" >= 0`)
@Check('CHK_enterprise_worker_count_source', `"source" IN ('MANUAL','IMPORT','SURVEY')`)
@Index('IDX_enterprise_worker_count_enterprise', ['enterpriseId', 'id'])
export class EnterpriseWorkerCountEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'PK_enterprise_worker_count' }) id: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId: string;
  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_enterprise_worker_count_enterprise' })
  enterprise?: EnterpriseEntity;
  @Column({ name: 'worker_count', type: 'int' }) workerCount: number;
  @Column({ name: 'counted_on', type: 'date' }) countedOn: string;
  @Column({ type: 'varchar', length: 10 }) source: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_enterprise_worker_count_recorded_by' })
  recorder?: UserEntity | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}

/**
 * Per unit: its enterprises with ≥ 25 workers (FOCUS_WORKER_THRESHOLD) and those of them with a union,
 * for coverage. Kept by the enterprise_tally triggers (made by migration) in the same transaction as
 * every write to enterprise.
 */
@Entity('enterprise_tally')
export class EnterpriseTallyEntity {
  @PrimaryColumn({ name: 'org_unit_id', type: 'uuid', primaryKeyConstraintName: 'PK_enterprise_tally' }) orgUnitId: string;
  @Column({ type: 'int', default: 0 }) focus: number;
  @Column({ name: 'focus_with_union', type: 'int', default: 0 }) focusWithUnion: number;
}

/**
 * Each funding type of an enterprise with the day it holds from (docs/architecture.md#the-employers-funding-type),
 * append-only, written by a trigger whenever `enterprise.funding_type` / `funding_type_from` change. The type in force
 * on a day is the entry with the latest `valid_from` on or before it (the later-recorded of one day).
 */
@Entity('enterprise_funding_type')
@Check(
  'CHK_enterprise_funding_type_value',
  `"funding_type" IN ('STATE_BUDGET_FULL','STATE_BUDGET_PARTIAL','SELF_FINANCED_RECURRENT','SELF_FINANCED_FULL','NON_STATE')`,
)
@Check('CHK_enterprise_funding_type_source', `"source" IN ('MANUAL','IMPORT')`)
@Index('IDX_enterprise_funding_type_day', ['enterpriseId', 'validFrom', 'id'])
export class EnterpriseFundingTypeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'PK_enterprise_funding_type' }) id: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId: string;
  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_enterprise_funding_type_enterprise' })
  enterprise?: EnterpriseEntity;
  @Column({ name: 'funding_type', type: 'varchar', length: 30 }) fundingType: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ type: 'varchar', length: 10 }) source: string;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_enterprise_funding_type_recorded_by' })
  recorder?: UserEntity | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
