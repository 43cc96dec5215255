import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { Actor, EnterpriseExportService, MembersExportService, RegisterProblems, filterFromQuery } from '@app/core';
import { AnyRole, CurrentActor, GrassrootsReaders } from '../auth/access.decorators';
import { contentDisposition } from '../reports/report-files.controller';
import { Audited } from '../audit/audit.interceptor';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /registers/enterprises.xlsx?search=&orgUnitId=&district=&sector=&ownership=&minWorkers=&hasUnion=&caseStatus=&includeClosed=&sort=
 * The register as `enterprises(filter)` lists it (same checks and scope; every matching row, not a page) in an
 * XLSX with the import's headings, so that the file imports back unchanged. The global AccessGuard
 * authenticates (401); a bad parameter answers 400 naming it, a unit outside the caller's scope 404.
 */
@Audited()
@Controller('registers')
export class RegisterFilesController {
  constructor(
    private readonly enterprises: EnterpriseExportService,
    private readonly members: MembersExportService,
  ) {}

  @AnyRole()
  @Get('enterprises.xlsx')
  @Header('Cache-Control', 'private, no-store')
  async enterprisesXlsx(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const problems = new RegisterProblems();
    const filter = filterFromQuery(query ?? {}, problems);
    const file = await this.enterprises.exportWorkbook(actor, filter, problems);
    return new StreamableFile(file.body, { type: XLSX_TYPE, length: file.body.length, disposition: contentDisposition(file.filename, file.asciiFilename) });
  }

  /**
   * GET /registers/members.xlsx?grassrootsUnionId= : a CĐCS's staff list (scope as `members`: its own GRASSROOTS
   * users, the upper level's SUPERVISORs and OFFICERs, ADMIN) with the staff import's headings; it imports back
   * unchanged. A CĐCS outside the caller's scope answers 404.
   */
  @GrassrootsReaders()
  @Get('members.xlsx')
  @Header('Cache-Control', 'private, no-store')
  async membersXlsx(@CurrentActor() actor: Actor, @Query('grassrootsUnionId') grassrootsUnionId: unknown): Promise<StreamableFile> {
    const file = await this.members.exportWorkbook(actor, typeof grassrootsUnionId === 'string' ? grassrootsUnionId : '');
    return new StreamableFile(file.body, { type: XLSX_TYPE, length: file.body.length, disposition: contentDisposition(file.filename, file.asciiFilename) });
  }
}
