import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One nomination per unit, nominee, period and rule; re-evaluation updates PROPOSED ones only. */
@Entity('reward_nomination')
@Index('UQ_reward_nomination_once', { synchronize: false }) // unique NULLS NOT DISTINCT, made by migration
@Check('CHK_nomination_status', `"status" IN ('PROPOSED','APPROVED','REJECTED')`)
export class RewardNominationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('IDX_nomination_unit')
  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;
  @Column({ type: 'varchar', length: 20 }) occasion: string;
  @Column({ name: 'period_kind', type: 'varchar', length: 10 }) periodKind: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd: string;
  @Column({ type: 'varchar', length: 30 }) rule: string;
  @Column({ name: 'officer_id', type: 'uuid', nullable: true }) officerId: string | null;
  @Column({ name: 'grassroots_union_id', type: 'uuid', nullable: true }) grassrootsUnionId: string | null;
  @Column({ type: 'varchar', length: 255 }) nominee: string;
  @Column({ type: 'double precision' }) score: number;
  @Column({ type: 'text' }) basis: string;
  @Column({ type: 'jsonb' }) figures: Record<string, unknown>;
  @Column({ type: 'varchar', length: 10, default: 'PROPOSED' }) status: string;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'evaluated_at', type: 'timestamptz', default: () => 'now()' }) evaluatedAt: Date;
}
