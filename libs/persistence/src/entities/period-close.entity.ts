import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { FoundingCaseEntity } from './founding-case.entity';
import { UserEntity } from './user.entity';

/**
 * A month end whose cases were frozen as they stood at its end (PeriodCloseService): the figures of a
 * period ending that day read `case_close_state` instead of replaying every case's history.
 */
@Entity('period_close')
export class PeriodCloseEntity {
  /** The period's last day (Asia/Ho_Chi_Minh); the state is as of the start of the next day. */
  @PrimaryColumn({ name: 'closed_on', type: 'date', primaryKeyConstraintName: 'PK_period_close' }) closedOn: string;
  /** When a RECOGNIZED or CLOSED case entered that stage is exact for periods starting on or after this day (the year's start). */
  @Column({ name: 'window_from', type: 'date' }) windowFrom: string;
  @Column({ type: 'int' }) cases: number;
  @Column({ name: 'closed_at', type: 'timestamptz', default: () => 'now()' }) closedAt: Date;
}

/** A case as it stood at a period close (every case opened before its end). */
@Entity('case_close_state')
@Index('IDX_case_close_state_case', ['caseId'])
@Index('IDX_case_close_state_late', { synchronize: false }) // partial covering index of the open cases by due day, made by migration
export class CaseCloseStateEntity {
  @PrimaryColumn({ name: 'closed_on', type: 'date', primaryKeyConstraintName: 'PK_case_close_state' }) closedOn: string;
  @ManyToOne(() => PeriodCloseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'closed_on', foreignKeyConstraintName: 'FK_case_close_state_close' })
  close?: PeriodCloseEntity;
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_close_state' }) caseId: string;
  @ManyToOne(() => FoundingCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_case_close_state_case' })
  case?: FoundingCaseEntity;
  /** The case's unit and enterprise (fixed when a case opens), so that the figures read the close alone. */
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId: string;
  /** Its assignee at the close: a closed period credits the officers who held the cases at its end. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_case_close_state_assignee' })
  assignee?: UserEntity | null;
  @Column({ type: 'varchar', length: 30 }) stage: string;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn: string | null;
  /** When it entered `stage` (by its history where that decides anything). */
  @Column({ name: 'entered_at', type: 'timestamptz' }) enteredAt: Date;
}

/**
 * A close's cases counted per unit, assignee, stage, late (open, due on or before the close's day) and,
 * for RECOGNIZED and CLOSED, the month (Asia/Ho_Chi_Minh) it entered that stage: the stages and the
 * officers' case counts of a closed period that starts on a month's first day are sums of these rows.
 * Written with the close (PeriodCloseService).
 */
@Entity('case_close_tally')
@Index('IDX_case_close_tally_close', ['closedOn', 'orgUnitId'])
export class CaseCloseTallyEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'PK_case_close_tally' }) id: string;
  @Column({ name: 'closed_on', type: 'date' }) closedOn: string;
  @ManyToOne(() => PeriodCloseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'closed_on', foreignKeyConstraintName: 'FK_case_close_tally_close' })
  close?: PeriodCloseEntity;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ type: 'varchar', length: 30 }) stage: string;
  @Column({ type: 'boolean' }) late: boolean;
  @Column({ name: 'entered_month', type: 'date', nullable: true }) enteredMonth: string | null;
  @Column({ type: 'int' }) cases: number;
}
