import { DocumentBuilderService } from '@app/core';
import { JobName } from '@app/queue';
import { serviceJobHandler } from './service-job-handler';

/** An issued document's DOCX and PDF; a failure marks it FAILED and BullMQ retries, a READY one is left alone. */
export class BuildDocumentHandler extends serviceJobHandler(JobName.BUILD_DOCUMENT, DocumentBuilderService, (s, d) => s.build(d.documentId)) {}
