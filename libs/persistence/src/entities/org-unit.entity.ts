import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A unit of the union tree. `path` holds the ids from the root down to this unit, joined by '.', for subtree scope. */
@Entity('org_unit')
@Index('IDX_org_unit_grassroots_name_vi', { synchronize: false }) // (name COLLATE "vietnamese", id) of live CĐCS, made by migration 1795496897950
@Index('IDX_org_unit_path_prefix', { synchronize: false }) // text_pattern_ops index for LIKE 'prefix%', made by migration
@Index('IDX_org_unit_grassroots_established', { synchronize: false }) // partial (CĐCS only), made by migration
@Index('IDX_org_unit_grassroots_dissolved', { synchronize: false }) // partial (dissolved CĐCS only), made by migration
@Check('CHK_org_unit_kind', `"kind" IN ('CONFEDERATION','FEDERATION','UPPER_LEVEL','GRASSROOTS')`)
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 255 }) name: string;
  @Column({ type: 'varchar', length: 20 }) kind: string;
  @Index('IDX_org_unit_parent')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;
  @ManyToOne(() => OrgUnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnitEntity | null;
  @Column({ type: 'text' }) path: string;
  @Column({ name: 'dissolved_at', type: 'timestamptz', nullable: true }) dissolvedAt: Date | null;
  /** Set once a restructuring changed its place in the tree: its figures then follow its dated spans (docs/architecture.md#restructuring). */
  @Column({ type: 'boolean', default: false }) restructured: boolean;
  /** The day the unit was founded (for a CĐCS: its recognition), not the day its row was entered (docs/architecture.md#statistics-returns). */
  // Today in Vietnam (the migration's default; written as TypeORM reads it back, casts stripped).
  @Column({ name: 'established_on', type: 'date', default: () => "(timezone('Asia/Ho_Chi_Minh', now()))" }) establishedOn: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** Moves of a unit to another parent, kept as history. */
@Entity('org_unit_move')
export class OrgUnitMoveEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Index('IDX_org_unit_move_unit')
  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'org_unit_id' }) orgUnit?: OrgUnitEntity;
  @Column({ name: 'from_parent_id', type: 'uuid', nullable: true }) fromParentId: string | null;
  @Column({ name: 'to_parent_id', type: 'uuid', nullable: true }) toParentId: string | null;
  @Column({ name: 'moved_by', type: 'uuid', nullable: true }) movedBy: string | null;
  @CreateDateColumn({ name: 'moved_at', type: 'timestamptz' }) movedAt: Date;
}
