import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { Actor, AuditLogService } from '@app/core';
import { CurrentActor, Managers } from '../auth/access.decorators';
import { contentDisposition } from '../reports/report-files.controller';
import { Audited } from './audit.interceptor';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /audit-log.xlsx?actor=&operation=&entity=&entityId=&from=&to= : the audit log as `auditLog(filter)` lists it
 * (same checks and scope), one line per changed field. The export itself is audited.
 */
@Audited()
@Controller()
export class AuditLogFilesController {
  constructor(private readonly log: AuditLogService) {}

  @Managers()
  @Get('audit-log.xlsx')
  @Header('Cache-Control', 'private, no-store')
  async xlsx(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const text = (k: string) => (typeof query?.[k] === 'string' && query[k] !== '' ? query[k] : null);
    const file = await this.log.exportWorkbook(actor, {
      actor: text('actor'),
      operation: text('operation'),
      entity: text('entity'),
      entityId: text('entityId'),
      from: text('from'),
      to: text('to'),
    });
    return new StreamableFile(file.body, { type: XLSX_TYPE, length: file.body.length, disposition: contentDisposition(file.filename, file.filename) });
  }
}
