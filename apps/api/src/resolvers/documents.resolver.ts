import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, DocumentSettingsService, DocumentSettingsView, DocumentView, DocumentsService, ReportStatus, Role } from '@app/core';
import { DocumentKind } from '@app/domain';
import { OrgUnitEntity } from '@app/persistence';
import { CurrentActor, Everyone, Roles } from '../auth/access.decorators';
import { documentFilePath } from '../documents/document-files.controller';
import {
  CancelDocumentInput,
  DocumentSettingsModel,
  IssueDocumentInput,
  OfficialDocumentModel,
  PreviewDocumentInput,
  SaveDocumentSettingsInput,
} from '../graphql/documents.models';
import { GqlContext } from '../graphql/loaders';
import { OrgUnitModel } from '../graphql/models';

/** Official documents (docs/architecture.md#official-documents): scope follows the document's source. */
@Resolver(() => OfficialDocumentModel)
export class OfficialDocumentResolver {
  constructor(
    private readonly service: DocumentsService,
    private readonly settings: DocumentSettingsService,
  ) {}

  @Roles(Role.ADMIN, Role.SUPERVISOR, Role.GRASSROOTS)
  @Mutation(() => OfficialDocumentModel)
  issueDocument(@CurrentActor() actor: Actor, @Args('input') input: IssueDocumentInput): Promise<DocumentView> {
    return this.service.issue(actor, input);
  }

  @Roles(Role.ADMIN, Role.SUPERVISOR, Role.GRASSROOTS)
  @Mutation(() => OfficialDocumentModel)
  cancelDocument(@CurrentActor() actor: Actor, @Args('input') input: CancelDocumentInput): Promise<DocumentView> {
    return this.service.cancel(actor, input);
  }

  @Everyone()
  @Query(() => [OfficialDocumentModel], { description: 'The documents issued from a source, newest number first' })
  documents(
    @CurrentActor() actor: Actor,
    @Args('sourceId', { type: () => ID }) sourceId: string,
    @Args('kind', { type: () => DocumentKind }) kind: DocumentKind,
  ): Promise<DocumentView[]> {
    return this.service.list(actor, kind, sourceId);
  }

  @Everyone()
  @Query(() => OfficialDocumentModel, { nullable: true })
  document(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<DocumentView | null> {
    return this.service.get(actor, id);
  }

  @Everyone()
  @Query(() => String, { description: 'The document as text without taking a number' })
  previewDocument(@CurrentActor() actor: Actor, @Args('input') input: PreviewDocumentInput): Promise<string> {
    return this.settings.preview(actor, input);
  }

  @ResolveField(() => OrgUnitModel)
  orgUnit(@Parent() d: DocumentView, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(d.orgUnitId);
  }

  @ResolveField(() => String, { nullable: true })
  docxUrl(@Parent() d: DocumentView): string | null {
    return d.status === ReportStatus.READY ? documentFilePath(d.id, 'docx') : null;
  }

  @ResolveField(() => String, { nullable: true })
  pdfUrl(@Parent() d: DocumentView): string | null {
    return d.status === ReportStatus.READY && d.hasPdf ? documentFilePath(d.id, 'pdf') : null;
  }
}

@Resolver(() => DocumentSettingsModel)
export class DocumentSettingsResolver {
  constructor(private readonly service: DocumentSettingsService) {}

  @Everyone()
  @Query(() => DocumentSettingsModel, { description: "A unit's document texts: its own, or defaults with what it inherits" })
  documentSettings(@CurrentActor() actor: Actor, @Args('orgUnitId', { type: () => ID }) orgUnitId: string): Promise<DocumentSettingsView> {
    return this.service.settings(actor, orgUnitId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => DocumentSettingsModel)
  saveDocumentSettings(@CurrentActor() actor: Actor, @Args('input') input: SaveDocumentSettingsInput): Promise<DocumentSettingsView> {
    return this.service.saveSettings(actor, input);
  }

  @ResolveField(() => OrgUnitModel, { nullable: true })
  inheritedFrom(@Parent() s: DocumentSettingsView, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> | null {
    return s.inheritedFromId ? ctx.loaders.orgUnit.load(s.inheritedFromId) : null;
  }
}
