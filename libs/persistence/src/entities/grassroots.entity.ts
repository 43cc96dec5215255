import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';

/**
 * A person on the staff list of a CĐCS (member or not yet). The citizen id is unique within the CĐCS
 * (UQ_grassroots_staff_citizen_id, partial: founders recorded without one have none); being an
 * active member is said by `member` (docs/architecture.md#grassroots-unions).
 */
@Entity('grassroots_staff')
@Check('CHK_grassroots_staff_sex', `"sex" IN ('MALE','FEMALE')`)
@Check('CHK_grassroots_staff_contract_kind', `"contract_kind" IN ('INDEFINITE','FIXED_TERM','OTHER')`)
@Index('IDX_grassroots_staff_name_vi', { synchronize: false }) // (grassroots_union_id, full_name COLLATE "vietnamese", id): a register by name, made by migration 1795496897950
@Index('UQ_grassroots_staff_citizen_id', { synchronize: false }) // unique (grassroots_union_id, citizen_id) WHERE citizen_id IS NOT NULL, made by migration
export class GrassrootsStaffEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_grassroots_staff' }) id: string;
  @Index('IDX_grassroots_staff_union')
  @Column({ name: 'grassroots_union_id', type: 'uuid' })
  grassrootsUnionId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grassroots_union_id', foreignKeyConstraintName: 'FK_grassroots_staff_union' })
  grassrootsUnion?: OrgUnitEntity;
  @Column({ name: 'full_name', type: 'varchar', length: 255 }) fullName: string;
  @Column({ name: 'citizen_id', type: 'varchar', length: 12, nullable: true }) citizenId: string | null;
  @Column({ name: 'birth_date', type: 'date', nullable: true }) birthDate: string | null;
  @Column({ name: 'birth_year', type: 'int' }) birthYear: number;
  @Column({ type: 'varchar', length: 6 }) sex: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) job: string | null;
  @Column({ name: 'contract_kind', type: 'varchar', length: 12, nullable: true }) contractKind: string | null;
  /** Months of a fixed-term contract (eligibility of foreign workers); null when indefinite or unknown. */
  @Column({ name: 'contract_months', type: 'int', nullable: true }) contractMonths: number | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 100, default: 'Việt Nam' }) nationality: string;
  @Column({ name: 'is_manager', type: 'boolean', default: false }) isManager: boolean;
  @Column({ name: 'serving_sentence', type: 'boolean', default: false }) servingSentence: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** An admission decision of a CĐCS (quyết định kết nạp đoàn viên): one number per CĐCS, a batch of members. */
@Entity('admission_decision')
@Index('UQ_admission_decision_number', ['grassrootsUnionId', 'number'], { unique: true })
export class AdmissionDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_admission_decision' }) id: string;
  @Column({ name: 'grassroots_union_id', type: 'uuid' }) grassrootsUnionId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grassroots_union_id', foreignKeyConstraintName: 'FK_admission_decision_union' })
  grassrootsUnion?: OrgUnitEntity;
  @Column({ type: 'varchar', length: 100 }) number: string;
  @Column({ name: 'decided_on', type: 'date' }) decidedOn: string;
  @Column({ type: 'varchar', length: 255 }) signer: string;
  /** The number typed by hand that the register's number of its decision document replaced (docs/architecture.md#official-documents). */
  @Column({ name: 'typed_number', type: 'varchar', length: 100, nullable: true }) typedNumber: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_admission_decision_creator' })
  creator?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
