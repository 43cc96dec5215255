import { NotificationMailer } from '@app/core';
import { JobName } from '@app/queue';
import { serviceJobHandler } from './service-job-handler';

export class SendNotificationEmailHandler extends serviceJobHandler(JobName.SEND_NOTIFICATION_EMAIL, NotificationMailer, (mailer, data) =>
  mailer.send(data.notificationId),
) {}
