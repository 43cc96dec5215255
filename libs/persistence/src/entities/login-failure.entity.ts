import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed login, by account and by address, for the brute-force limit. */
@Entity('login_failure')
@Index('IDX_login_failure_key_at', ['key', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 400 }) key: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
