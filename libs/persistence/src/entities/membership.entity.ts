import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { FoundingCaseEntity } from './founding-case.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { AdmissionDecisionEntity, GrassrootsStaffEntity } from './grassroots.entity';

/**
 * A membership application: on a founding case (decided at recognition), to an existing
 * CĐCS (its committee decides) or to the upper-level union directly (decided within the
 * configured working days: `due_on`).
 */
@Entity('membership_application')
@Check('CHK_application_status', `"status" IN ('SUBMITTED','ADMITTED','REJECTED','WITHDRAWN')`)
@Check('CHK_application_target', `("case_id" IS NOT NULL) <> ("grassroots_union_id" IS NOT NULL)`)
@Index('IDX_application_pending_due', { synchronize: false }) // partial covering index for the escalation sweep, made by migration
export class MembershipApplicationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_application_case')
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;
  @ManyToOne(() => FoundingCaseEntity, { onDelete: 'RESTRICT', nullable: true }) @JoinColumn({ name: 'case_id' }) case?: FoundingCaseEntity | null;
  @Index('IDX_application_grassroots')
  @Column({ name: 'grassroots_union_id', type: 'uuid', nullable: true })
  grassrootsUnionId: string | null;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT', nullable: true }) @JoinColumn({ name: 'grassroots_union_id' }) grassrootsUnion?: OrgUnitEntity | null;
  @Index('IDX_application_deciding_unit')
  @Column({ name: 'deciding_unit_id', type: 'uuid' })
  decidingUnitId: string;
  @Column({ name: 'full_name', type: 'varchar', length: 255 }) fullName: string;
  @Column({ name: 'personal_id', type: 'varchar', length: 20, nullable: true }) personalId: string | null;
  @Column({ name: 'birth_year', type: 'int' }) birthYear: number;
  @Column({ type: 'varchar', length: 20 }) gender: string;
  @Column({ type: 'varchar', length: 255 }) position: string;
  @Column({ name: 'is_manager', type: 'boolean' }) isManager: boolean;
  @Column({ name: 'serving_sentence', type: 'boolean' }) servingSentence: boolean;
  @Column({ type: 'varchar', length: 100 }) nationality: string;
  @Column({ name: 'contract_months', type: 'int', nullable: true }) contractMonths: number | null;
  @Column({ name: 'submitted_on', type: 'date' }) submittedOn: string;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn: string | null;
  @Column({ type: 'varchar', length: 20, default: 'SUBMITTED' }) status: string;
  @Column({ name: 'decided_on', type: 'date', nullable: true }) decidedOn: string | null;
  @Column({ name: 'decision_number', type: 'varchar', length: 100, nullable: true }) decisionNumber: string | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A union member, admitted into a CĐCS on `admitted_on` (calendar day in Vietnam). */
@Entity('member')
@Index('IDX_member_admitted', ['admittedOn'])
// Covering (INCLUDE left_on, made by migration): per-union counts read the index alone, not the heap.
@Index('IDX_member_union_admitted_covering', { synchronize: false })
@Index('IDX_member_gone_on', { synchronize: false }) // on greatest(admitted_on, left_on) WHERE left_on IS NOT NULL, made by migration
// One active membership per citizen id nationwide, and per person of a staff list (partial unique indexes, made by migration).
@Index('UQ_member_active_personal_id', { synchronize: false })
@Index('UQ_member_active_staff', { synchronize: false })
// The people of one admission decision (partial: WHERE admission_decision_id IS NOT NULL, made by migration 1795496897900).
@Index('IDX_member_admission_decision', { synchronize: false })
@Check('CHK_member_left_reason', `"left_reason" IN ('TRANSFERRED','LEFT_JOB','WITHDREW','EXPELLED','DIED','PAUSED','DISSOLVED')`)
@Check('CHK_member_left_reason_day', `"left_reason" IS NULL OR "left_on" IS NOT NULL`)
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'grassroots_union_id', type: 'uuid' }) grassrootsUnionId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'grassroots_union_id' }) grassrootsUnion?: OrgUnitEntity;
  @Index('UQ_member_application', { unique: true })
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;
  @Index('IDX_member_case')
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;
  @Column({ name: 'full_name', type: 'varchar', length: 255 }) fullName: string;
  @Index('IDX_member_personal_id')
  @Column({ name: 'personal_id', type: 'varchar', length: 20, nullable: true })
  personalId: string | null;
  @Column({ name: 'birth_year', type: 'int' }) birthYear: number;
  @Column({ type: 'varchar', length: 20 }) gender: string;
  @Column({ name: 'admitted_on', type: 'date' }) admittedOn: string;
  @Column({ name: 'decision_number', type: 'varchar', length: 100, nullable: true }) decisionNumber: string | null;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn: string | null;
  /** Why the membership ended (LeaveReason); TRANSFERRED when it goes on in another CĐCS. */
  @Column({ name: 'left_reason', type: 'varchar', length: 12, nullable: true }) leftReason: string | null;
  @Column({ name: 'left_note', type: 'text', nullable: true }) leftNote: string | null;
  /** The person on the CĐCS's staff list (founders and members admitted at the CĐCS). */
  @Index('IDX_member_staff')
  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId: string | null;
  @ManyToOne(() => GrassrootsStaffEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'FK_member_staff' })
  staff?: GrassrootsStaffEntity | null;
  @Column({ name: 'admission_decision_id', type: 'uuid', nullable: true }) admissionDecisionId: string | null;
  @ManyToOne(() => AdmissionDecisionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'admission_decision_id', foreignKeyConstraintName: 'FK_member_admission_decision' })
  admissionDecision?: AdmissionDecisionEntity | null;
  /** The membership this one continues (a transfer from another CĐCS): not a new member anywhere. */
  @Column({ name: 'transferred_from_id', type: 'uuid', nullable: true }) transferredFromId: string | null;
  @ManyToOne(() => MemberEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'transferred_from_id', foreignKeyConstraintName: 'FK_member_transferred_from' })
  transferredFrom?: MemberEntity | null;
}

/**
 * Members per grassroots union and calendar month (`month` = its first day): admitted in it, and gone
 * in it (on greatest(admitted_on, left_on)). Kept by the member_tally triggers (made by migration).
 */
@Entity('member_month')
export class MemberMonthEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_member_month' }) month: string;
  @PrimaryColumn({ name: 'grassroots_union_id', type: 'uuid', primaryKeyConstraintName: 'PK_member_month' }) grassrootsUnionId: string;
  @Column({ type: 'int', default: 0 }) admitted: number;
  @Column({ type: 'int', default: 0 }) gone: number;
  /** Of `admitted`, those who came by a transfer from another CĐCS (not new members). */
  @Column({ name: 'transferred_in', type: 'int', default: 0 }) transferredIn: number;
}

/** member_month summed per calendar year (`year` = its 1 January), per union (kept by the same triggers). */
@Entity('member_year')
export class MemberYearEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_member_year' }) year: string;
  @PrimaryColumn({ name: 'grassroots_union_id', type: 'uuid', primaryKeyConstraintName: 'PK_member_year' }) grassrootsUnionId: string;
  @Column({ type: 'int', default: 0 }) admitted: number;
  @Column({ type: 'int', default: 0 }) gone: number;
  /** Of `admitted`, those who came by a transfer from another CĐCS (not new members). */
  @Column({ name: 'transferred_in', type: 'int', default: 0 }) transferredIn: number;
}

/** member_month summed over all months, per union (kept by the same triggers). */
@Entity('member_total')
export class MemberTotalEntity {
  @PrimaryColumn({ name: 'grassroots_union_id', type: 'uuid', primaryKeyConstraintName: 'PK_member_total' }) grassrootsUnionId: string;
  @Column({ type: 'int', default: 0 }) admitted: number;
  @Column({ type: 'int', default: 0 }) gone: number;
  /** Of `admitted`, those who came by a transfer from another CĐCS (not new members). */
  @Column({ name: 'transferred_in', type: 'int', default: 0 }) transferredIn: number;
}

/** Members admitted per founding case (member.case_id) and calendar month (kept by the same triggers). */
@Entity('case_member_month')
export class CaseMemberMonthEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_case_member_month' }) month: string;
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_member_month' }) caseId: string;
  @Column({ type: 'int', default: 0 }) admitted: number;
}

/** case_member_month summed per calendar year (kept by the same triggers). */
@Entity('case_member_year')
export class CaseMemberYearEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_case_member_year' }) year: string;
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_member_year' }) caseId: string;
  @Column({ type: 'int', default: 0 }) admitted: number;
}
