import { Body, Controller, Get, Header, HttpCode, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { Actor, DryRunSummary, RegisterImportsService } from '@app/core';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { contentDisposition } from '../reports/report-files.controller';
import { EnterpriseUploadInterceptor, UPLOAD_FIELD, badUpload } from './enterprise-upload.interceptor';
import { Audited } from '../audit/audit.interceptor';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where an import's refused rows are downloaded (bearer token as for GraphQL). */
export function refusedRowsPath(id: string): string {
  return `/imports/${id}/refused.xlsx`;
}

/**
 * The register import's HTTP side: the upload (dry run) and the refused rows. The global AccessGuard
 * authenticates (401) and checks the role (403) before the body is read; the service answers 404 for a unit or
 * an import outside the caller's scope and 403 for an officer importing into another unit.
 */
@Audited()
@Controller('imports')
export class RegisterImportsController {
  constructor(private readonly imports: RegisterImportsService) {}

  /**
   * POST /imports/enterprises (multipart/form-data: `file`, optional `orgUnitId`): 201 with the dry run's counts;
   * 400 when the file is refused as a whole (nothing stored), 413 past 20 MB.
   */
  @AnyRole()
  @Post('enterprises')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @UseInterceptors(EnterpriseUploadInterceptor)
  async upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<DryRunSummary> {
    if (!file) throw badUpload(`Chưa có tệp: hãy gửi tệp XLSX hoặc CSV trong trường “${UPLOAD_FIELD}” (multipart/form-data)`);
    const orgUnitId = typeof body?.orgUnitId === 'string' ? body.orgUnitId : null;
    const result = await this.imports.dryRun(actor, { buffer: file.buffer, fileName: file.originalname, orgUnitId });
    if (!result.ok) throw badUpload(result.errors.map((e) => e.message).join('; '), result.errors);
    return result.summary;
  }

  /** GET /imports/:id/refused.xlsx: the refused rows with their reasons (“Lý do”), to correct and upload again. */
  @AnyRole()
  @Get(':id/refused.xlsx')
  @Header('Cache-Control', 'private, no-store')
  async refused(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    const file = await this.imports.refusedFile(actor, id);
    return new StreamableFile(file.body, { type: XLSX_TYPE, length: file.body.length, disposition: contentDisposition(file.filename, file.asciiFilename) });
  }
}
