import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';

/**
 * An uploaded register file (kind 'enterprise': the enterprise register), checked against the database
 * (the dry run, VALIDATED), then applied by the worker once confirmed (APPLYING → APPLIED, or FAILED and
 * retried). The file's bytes are not kept: its rows are, in register_import_row.
 */
@Entity('register_import')
@Check('CHK_register_import_status', `"status" IN ('VALIDATED','APPLYING','APPLIED','FAILED','CANCELLED')`)
@Index('IDX_register_import_unit_created', ['orgUnitId', 'createdAt'])
export class RegisterImportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_register_import' }) id: string;
  @Column({ type: 'varchar', length: 30 }) kind: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'FK_register_import_unit' })
  orgUnit?: OrgUnitEntity;
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName: string;
  @Column({ name: 'file_sha256', type: 'char', length: 64 }) fileSha256: string;
  @Column({ name: 'sheet_name', type: 'varchar', length: 100, nullable: true }) sheetName: string | null;
  @Column({ type: 'varchar', length: 12 }) status: string;
  @Column({ name: 'total_rows', type: 'int' }) totalRows: number;
  @Column({ name: 'to_create', type: 'int' }) toCreate: number;
  @Column({ name: 'to_update', type: 'int' }) toUpdate: number;
  @Column({ type: 'int' }) unchanged: number;
  @Column({ type: 'int' }) refused: number;
  /** Rows to create or update that the worker has handled (progress), counted per batch. */
  @Column({ name: 'applied_rows', type: 'int', default: 0 }) appliedRows: number;
  /** What applying did (the dry run's counts are what it expected): enterprises added, changed, rows with nothing left to change, rows skipped. */
  @Column({ name: 'applied_created', type: 'int', default: 0 }) appliedCreated: number;
  @Column({ name: 'applied_updated', type: 'int', default: 0 }) appliedUpdated: number;
  @Column({ name: 'applied_unchanged', type: 'int', default: 0 }) appliedUnchanged: number;
  @Column({ name: 'applied_skipped', type: 'int', default: 0 }) appliedSkipped: number;
  /** Why applying failed, for the user (Vietnamese). */
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_register_import_creator' })
  creator?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true }) confirmedBy: string | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}

/**
 * One data row of an import, as the dry run classified it. `values` holds the parsed cells the file gives
 * (blank cells left out: they change nothing), `before` the enterprise's columns that the row changes as they
 * were at the dry run (the worker updates a column only while it still holds that value), `raw` the cells as
 * read for refused rows (the file of refused rows shows them back). `enterprise_id` has no foreign key: the
 * rows are a record of the import and outlive a deleted enterprise; a CREATE row holds the id the dry run chose
 * for the enterprise it creates (the worker inserts under it), cleared if the worker could not create it.
 */
@Entity('register_import_row')
@Check('CHK_register_import_row_action', `"action" IN ('CREATE','UPDATE','UNCHANGED','REFUSED')`)
@Index('IDX_register_import_row_action', ['importId', 'action', 'rowNumber'])
export class RegisterImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid', primaryKeyConstraintName: 'PK_register_import_row' }) importId: string;
  @ManyToOne(() => RegisterImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'FK_register_import_row_import' })
  registerImport?: RegisterImportEntity;
  /** As the spreadsheet shows it (title and heading rows count). */
  @PrimaryColumn({ name: 'row_number', type: 'int', primaryKeyConstraintName: 'PK_register_import_row' }) rowNumber: number;
  @Column({ type: 'varchar', length: 10 }) action: string;
  @Column({ name: 'tax_code', type: 'varchar', length: 20, nullable: true }) taxCode: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) name: string | null;
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'jsonb', nullable: true }) values: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) raw: Record<string, unknown> | null;
  @Column({ name: 'changed_fields', type: 'text', array: true, default: () => `'{}'` }) changedFields: string[];
  /** Reasons of a refusal, and notices of the worker (a column kept because a user changed it since the dry run). */
  @Column({ type: 'jsonb', default: () => `'[]'` }) errors: { column: string | null; message: string }[];
  /** Handled by the worker (created, updated, or skipped with a notice). */
  @Column({ type: 'boolean', default: false }) applied: boolean;
}
