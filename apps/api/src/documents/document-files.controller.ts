import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { Actor, DocumentFileKind, DocumentsService } from '@app/core';
import { CurrentActor, Everyone } from '../auth/access.decorators';
import { contentDisposition } from '../reports/report-files.controller';

export function documentFilePath(id: string, kind: DocumentFileKind): string {
  return `/documents/${id}/${kind}`;
}

/**
 * GET /documents/:id/docx and /documents/:id/pdf, with the bearer token of the GraphQL API: 404 outside the
 * scope of the document's source, 409 until it is built (docs/architecture.md#official-documents).
 */
@Controller('documents')
export class DocumentFilesController {
  constructor(private readonly documents: DocumentsService) {}

  @Everyone()
  @Get(':id/docx')
  @Header('Cache-Control', 'private, no-store')
  docx(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    return this.download(actor, id, 'docx');
  }

  @Everyone()
  @Get(':id/pdf')
  @Header('Cache-Control', 'private, no-store')
  pdf(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    return this.download(actor, id, 'pdf');
  }

  private async download(actor: Actor, id: string, kind: DocumentFileKind): Promise<StreamableFile> {
    const file = await this.documents.file(actor, id, kind);
    return new StreamableFile(file.body, {
      type: file.contentType,
      length: file.body.length,
      disposition: contentDisposition(file.filename, file.asciiFilename),
    });
  }
}
