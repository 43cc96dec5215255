import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { STAGE_LABELS, CaseStage } from '@app/domain';

const LEVEL_VI: Record<string, string> = { WARNING: 'Cảnh báo', BREACH: 'Quá hạn', CRITICAL: 'Quá hạn nghiêm trọng' };

/**
 * Emails one notification. The row is claimed (emailed_at set) before sending and released if
 * sending fails, so a retry may send it but two deliveries of the job never both send.
 */
@Injectable()
export class NotificationMailer implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationMailer.name);
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(notificationId: string): Promise<'sent' | 'already-sent' | 'no-smtp'> {
    if (!this.config.smtpUrl) return 'no-smtp';
    const [n] = await this.db.query(
      `WITH claimed AS (UPDATE notification SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL
         RETURNING id, user_id, escalation_id) SELECT * FROM claimed`,
      [notificationId],
    );
    if (!n) return 'already-sent';
    try {
      const [d] = await this.db.query(
        `SELECT u.email, u.full_name, x.level, x.stage, e.name AS enterprise, coalesce(c.stage_due_on, ai.due_on)::text AS due, ai.what
           FROM notification n JOIN app_user u ON u.id = n.user_id JOIN escalation x ON x.id = n.escalation_id
           LEFT JOIN founding_case c ON c.id = x.case_id LEFT JOIN enterprise e ON e.id = c.enterprise_id
           LEFT JOIN review_action_item ai ON ai.id = x.action_item_id
          WHERE n.id = $1`,
        [notificationId],
      );
      const stage = STAGE_LABELS[d.stage as CaseStage] ?? 'Đơn xin gia nhập công đoàn';
      this.transport ??= createTransport(this.config.smtpUrl);
      const dueText = d.due ? `, hạn ${d.due.split('-').reverse().join('/')}` : '';
      if (d.what) {
        // An action item of a review meeting (docs/architecture.md#review-meetings).
        await this.transport.sendMail({
          from: this.config.mailFrom,
          to: d.email,
          subject: `[CĐCS] ${LEVEL_VI[d.level] ?? d.level}: việc cần làm sau giao ban`,
          text: `Kính gửi ${d.full_name},\n\nViệc cần làm sau giao ban "${d.what}"${dueText}: ${LEVEL_VI[d.level] ?? d.level}.\n\nĐề nghị đồng chí xem và xử lý.\n`,
        });
        return 'sent';
      }
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: d.email,
        subject: `[CĐCS] ${LEVEL_VI[d.level] ?? d.level}: ${d.enterprise ?? stage}`,
        text: `Kính gửi ${d.full_name},\n\nHồ sơ ${d.enterprise ? `thành lập CĐCS tại ${d.enterprise}` : 'đơn gia nhập'} đang ở bước "${stage}"${d.due ? `, hạn ${d.due.split('-').reverse().join('/')}` : ''}: ${LEVEL_VI[d.level] ?? d.level}.\n\nĐề nghị đồng chí xem và xử lý.\n`,
      });
      return 'sent';
    } catch (e) {
      await this.db.query(`UPDATE notification SET emailed_at = NULL WHERE id = $1`, [notificationId]);
      this.logger.warn(`Email for notification ${notificationId} failed: ${(e as Error).message}`);
      throw e;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
