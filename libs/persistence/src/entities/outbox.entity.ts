import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Follow-up jobs written in the same transaction as the change; the relay moves them into BullMQ. */
@Entity('outbox')
@Index('IDX_outbox_pending', { synchronize: false }) // partial index WHERE sent_at IS NULL, made by migration
export class OutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 60 }) queue: string;
  @Column({ name: 'job_name', type: 'varchar', length: 60 }) jobName: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
}
