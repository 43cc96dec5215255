import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { Actor, EnterpriseExportService, RegisterProblems, filterFromQuery } from '@app/core';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { contentDisposition } from '../reports/report-files.controller';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /registers/enterprises.xlsx?search=&orgUnitId=&district=&sector=&ownership=&minWorkers=&hasUnion=&caseStatus=&includeClosed=&sort=
 * The register as `enterprises(filter)` lists it (same checks and scope; every matching row, not a page) in an
 * XLSX with the import's headings, so that the file imports back unchanged. The global AccessGuard
 * authenticates (401); a bad parameter answers 400 naming it, a unit outside the caller's scope 404.
 */
@Controller('registers')
export class RegisterFilesController {
  constructor(private readonly enterprises: EnterpriseExportService) {}

  @AnyRole()
  @Get('enterprises.xlsx')
  @Header('Cache-Control', 'private, no-store')
  async enterprisesXlsx(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const problems = new RegisterProblems();
    const filter = filterFromQuery(query ?? {}, problems);
    const file = await this.enterprises.exportWorkbook(actor, filter, problems);
    return new StreamableFile(file.body, { type: XLSX_TYPE, length: file.body.length, disposition: contentDisposition(file.filename, file.asciiFilename) });
  }
}
