import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { Actor, ReportFileKind, ReportsService } from '@app/core';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { Audited } from '../audit/audit.interceptor';

/** Where a READY report's files are downloaded, with the same bearer token as the GraphQL API. */
export function reportFilePath(id: string, kind: ReportFileKind): string {
  return `/reports/${id}/${kind}`;
}

/** RFC 6266: an ASCII fallback name and the Vietnamese name, percent-encoded (RFC 8187). */
export function contentDisposition(filename: string, asciiFilename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /reports/:id/xlsx and /reports/:id/csv (`?decimal=dot` for decimal points and `,` separators; by default
 * decimal commas and `;`). The global AccessGuard authenticates (401) and checks
 * the role (403); the service answers 404 outside the caller's scope and 409 until the report is READY.
 */
@Audited()
@Controller('reports')
export class ReportFilesController {
  constructor(private readonly reports: ReportsService) {}

  @AnyRole()
  @Get(':id/xlsx')
  @Header('Cache-Control', 'private, no-store')
  xlsx(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    return this.download(actor, id, 'xlsx');
  }

  @AnyRole()
  @Get(':id/csv')
  @Header('Cache-Control', 'private, no-store')
  csv(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('decimal') decimal?: string): Promise<StreamableFile> {
    return this.download(actor, id, 'csv', decimal);
  }

  private async download(actor: Actor, id: string, kind: ReportFileKind, decimal?: string): Promise<StreamableFile> {
    const file = await this.reports.file(actor, id, kind, decimal ?? 'comma');
    return new StreamableFile(file.body, {
      type: file.contentType,
      length: file.body.length,
      disposition: contentDisposition(file.filename, file.asciiFilename),
    });
  }
}
