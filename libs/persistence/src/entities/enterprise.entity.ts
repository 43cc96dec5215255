import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

@Entity('enterprise')
@Check('CHK_enterprise_worker_count', `"worker_count" >= 0`)
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 255 }) name: string;
  @Index('UQ_enterprise_tax_code', { unique: true })
  @Column({ name: 'tax_code', type: 'varchar', length: 20 }) taxCode: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) address: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) district: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) sector: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) ownership: string | null;
  @Column({ name: 'worker_count', type: 'int' }) workerCount: number;
  @Column({ name: 'surveyed_on', type: 'date', nullable: true }) surveyedOn: string | null;
  @Column({ name: 'has_union', type: 'boolean' }) hasUnion: boolean;
  @Index('IDX_enterprise_org_unit')
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'org_unit_id' }) orgUnit?: OrgUnitEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
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
