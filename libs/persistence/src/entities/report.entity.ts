import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

/** An immutable report snapshot; one per unit, period and version (scheduled builds are version 1). */
@Entity('report')
@Index('UQ_report_version', ['orgUnitId', 'periodKind', 'periodStart', 'version'], { unique: true })
@Check('CHK_report_status', `"status" IN ('QUEUED','RUNNING','READY','FAILED')`)
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'org_unit_id' }) orgUnit?: OrgUnitEntity;
  @Column({ name: 'period_kind', type: 'varchar', length: 10 }) periodKind: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'varchar', length: 10 }) status: string;
  @Column({ type: 'int', default: 0 }) progress: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'jsonb', nullable: true }) figures: Record<string, unknown> | null;
  @Column({ type: 'bytea', nullable: true }) xlsx: Buffer | null;
  @Column({ type: 'bytea', nullable: true }) csv: Buffer | null;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'built_at', type: 'timestamptz', nullable: true }) builtAt: Date | null;
}
