import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A year's target for an org unit or an officer (exactly one of the two). */
@Entity('target')
@Index('UQ_target_scope', { synchronize: false }) // unique (year, org_unit_id, officer_id) NULLS NOT DISTINCT, made by migration
export class TargetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId: string | null;
  @Column({ name: 'officer_id', type: 'uuid', nullable: true }) officerId: string | null;
  @Column({ name: 'new_members', type: 'int', nullable: true }) newMembers: number | null;
  @Column({ name: 'new_grassroots_unions', type: 'int', nullable: true }) newGrassrootsUnions: number | null;
  @Column({ name: 'coverage_percent', type: 'numeric', precision: 5, scale: 2, nullable: true }) coveragePercent: string | null;
  @Column({ name: 'set_by', type: 'uuid' }) setBy: string;
  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' }) setAt: Date;
  /** The restructuring that closed (or moved on) this target of a dissolved unit (docs/architecture.md#restructuring). */
  @Column({ name: 'closed_by_change_id', type: 'bigint', nullable: true }) closedByChangeId: string | null;
}

/** Public-sector days off and make-up working Saturdays (làm bù); editable by an ADMIN. */
@Entity('calendar_day')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'varchar', length: 30 }) kind: string; // DAY_OFF | MAKE_UP_WORKING_DAY
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** The announcing document, e.g. "Thông báo 6150/TB-BLĐTBXH". */
  @Column({ type: 'text', nullable: true }) document: string | null;
}
