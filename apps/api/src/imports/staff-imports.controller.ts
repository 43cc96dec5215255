import { Body, Controller, Header, HttpCode, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { Actor, StaffImportService } from '@app/core';
import { CurrentActor, GrassrootsWriters } from '../auth/access.decorators';
import { contentDisposition } from '../reports/report-files.controller';
import { EnterpriseUploadInterceptor, UPLOAD_FIELD, badUpload } from './enterprise-upload.interceptor';
import { Audited } from '../audit/audit.interceptor';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fields(file: Express.Multer.File | undefined, body: Record<string, unknown> | undefined): { buffer: Buffer; grassrootsUnionId: string } {
  if (!file) throw badUpload(`Chưa có tệp: hãy gửi tệp XLSX hoặc CSV trong trường “${UPLOAD_FIELD}” (multipart/form-data)`);
  return { buffer: file.buffer, grassrootsUnionId: typeof body?.grassrootsUnionId === 'string' ? body.grassrootsUnionId : '' };
}

/**
 * A CĐCS's staff list from XLSX or CSV (docs/architecture.md#grassroots-unions), by its chair (GRASSROOTS) or an
 * ADMIN: the same upload limits and file checks as the enterprise register's import.
 */
@Audited()
@Controller('imports/staff')
export class StaffImportsController {
  constructor(private readonly imports: StaffImportService) {}

  /**
   * POST /imports/staff (multipart: `file`, `grassrootsUnionId`, `apply` = 'true' to write): the rows with their
   * action (CREATE, UPDATE, UNCHANGED, REFUSED with reasons) and the counts; 400 for a file refused as a whole.
   */
  @GrassrootsWriters()
  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseInterceptors(EnterpriseUploadInterceptor)
  async upload(@CurrentActor() actor: Actor, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: Record<string, unknown> | undefined) {
    const result = await this.imports.run(actor, { ...fields(file, body), apply: body?.apply === 'true' });
    if (!result.ok) throw badUpload(result.errors.map((e) => e.message).join('; '), result.errors);
    return result;
  }

  /** POST /imports/staff/refused.xlsx (the same fields): the file's refused rows with their reasons (“Lý do”). */
  @GrassrootsWriters()
  @Post('refused.xlsx')
  @HttpCode(200)
  @Header('Cache-Control', 'private, no-store')
  @UseInterceptors(EnterpriseUploadInterceptor)
  async refused(@CurrentActor() actor: Actor, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: Record<string, unknown> | undefined) {
    const result = await this.imports.refusedFile(actor, fields(file, body));
    if (!result.ok) throw badUpload(result.errors.map((e) => e.message).join('; '), result.errors);
    const name = 'danh-sach-nguoi-lao-dong-bi-tu-choi.xlsx';
    return new StreamableFile(result.body, { type: XLSX_TYPE, length: result.body.length, disposition: contentDisposition(name, name) });
  }
}
