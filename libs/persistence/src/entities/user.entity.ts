import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

@Entity('app_user')
@Index('IDX_app_user_name_vi', { synchronize: false }) // (full_name COLLATE "vietnamese", id): accounts by name, made by migration 1795496897950
@Index('UQ_app_user_email_lower', { synchronize: false }) // unique on lower(email), made by migration
@Check('CHK_app_user_role', `"role" IN ('ADMIN','SUPERVISOR','OFFICER','GRASSROOTS')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 320 }) email: string;
  @Column({ name: 'full_name', type: 'varchar', length: 255 }) fullName: string;
  @Column({ type: 'varchar', length: 20 }) role: string;
  @Index('IDX_app_user_org_unit')
  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'org_unit_id' }) orgUnit?: OrgUnitEntity;
  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Set by a password reset: until the user changes it, only `me` and `changePassword` are allowed. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean;
  /** A claim of every token; a token whose claim differs from the row is refused (deactivation, reset and change bump it). */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion: number;
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true }) deactivatedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
