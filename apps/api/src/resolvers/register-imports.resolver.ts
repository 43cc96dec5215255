import { Args, Context, Field, Float, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { Actor, ImportRowAction, Page, RegisterImportRowView, RegisterImportStatus, RegisterImportView, RegisterImportsService } from '@app/core';
import { OrgUnitEntity, UserEntity } from '@app/persistence';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { GqlContext } from '../graphql/loaders';
import { OrgUnitModel, PageInfoModel, UserModel } from '../graphql/models';
import { refusedRowsPath } from '../imports/register-imports.controller';

registerEnumType(RegisterImportStatus, { name: 'RegisterImportStatus' });
registerEnumType(ImportRowAction, { name: 'ImportRowAction' });

@ObjectType('ImportRowError')
export class ImportRowErrorModel {
  @Field(() => String, { nullable: true, description: 'The column (its Vietnamese heading), or null for the row as a whole' }) column: string | null;
  @Field() message: string;
}

@ObjectType('RegisterImportRow')
export class RegisterImportRowModel {
  @Field(() => Int, { description: 'As the spreadsheet shows it (title and heading rows count)' }) rowNumber: number;
  @Field(() => ImportRowAction) action: ImportRowAction;
  @Field(() => String, { nullable: true }) taxCode: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => [String], { description: 'UPDATE: the fields the row changes (name, workerCount, address, district, sector, ownership, hasUnion, surveyedOn)' })
  changedFields: string[];
  @Field(() => [ImportRowErrorModel], {
    description: 'Why the row is refused; after applying, also the columns kept because a user changed them since the check',
  })
  errors: ImportRowErrorModel[];
  @Field() applied: boolean;
}

@ObjectType('RegisterImportRowConnection')
export class RegisterImportRowConnectionModel {
  @Field(() => [RegisterImportRowModel]) nodes: RegisterImportRowModel[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@ObjectType('RegisterImport')
export class RegisterImportModel {
  @Field(() => ID) id: string;
  @Field({ description: "What the file is: 'enterprise' (the enterprise register)" }) kind: string;
  @Field() fileName: string;
  @Field(() => RegisterImportStatus) status: RegisterImportStatus;
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  @Field(() => UserModel) createdBy?: UserModel;
  @Field(() => Date) createdAt: Date;
  @Field(() => String, { nullable: true, description: 'The worksheet read (XLSX)' }) sheetName: string | null;
  @Field(() => Int) totalRows: number;
  @Field(() => Int) toCreate: number;
  @Field(() => Int) toUpdate: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) refused: number;
  @Field(() => Int, { description: 'Rows to create or update handled so far' }) appliedRows: number;
  @Field(() => Int, { description: 'Enterprises added by applying (a row to create whose tax code was taken since the dry run is an update)' })
  appliedCreated: number;
  @Field(() => Int, { description: 'Enterprises changed by applying' }) appliedUpdated: number;
  @Field(() => Int, {
    description: "Rows applied with nothing left to change (the register already held the file's values, or a user changed them since the dry run)",
  })
  appliedUnchanged: number;
  @Field(() => Int, { description: 'Rows skipped when applying: an enterprise deleted, or a tax code taken by another unit, since the dry run' })
  appliedSkipped: number;
  @Field(() => Float, { description: 'appliedRows ÷ (toCreate + toUpdate): 0..1 while APPLYING, 1 once APPLIED' }) progress?: number;
  @Field(() => String, { nullable: true, description: 'Why applying failed (Vietnamese)' }) error: string | null;
  @Field(() => String, { nullable: true, description: 'GET this path (bearer token) for the refused rows as XLSX; null without refused rows' })
  refusedRowsUrl?: string | null;
}

@ObjectType('RegisterImportConnection')
export class RegisterImportConnectionModel {
  @Field(() => [RegisterImportModel]) nodes: RegisterImportModel[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

/** Register imports: read, confirm (the worker applies it) or cancel a dry run made by POST /imports/enterprises. */
@Resolver(() => RegisterImportModel)
export class RegisterImportResolver {
  constructor(private readonly imports: RegisterImportsService) {}

  @AnyRole()
  @Query(() => RegisterImportModel)
  registerImport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<RegisterImportView> {
    return this.imports.get(actor, id);
  }

  @AnyRole()
  @Query(() => RegisterImportConnectionModel, { description: "The imports of the caller's scope, newest first" })
  registerImports(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<RegisterImportView>> {
    return this.imports.list(actor, first, after);
  }

  @AnyRole()
  @Mutation(() => RegisterImportModel, {
    description: 'VALIDATED (or FAILED) → APPLYING; the worker applies the rows, then APPLIED. CONFLICT when applying, applied or cancelled',
  })
  confirmRegisterImport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<RegisterImportView> {
    return this.imports.confirm(actor, id);
  }

  @AnyRole()
  @Mutation(() => RegisterImportModel, { description: 'VALIDATED → CANCELLED; CONFLICT otherwise' })
  cancelRegisterImport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<RegisterImportView> {
    return this.imports.cancel(actor, id);
  }

  @ResolveField(() => OrgUnitModel)
  orgUnit(@Parent() i: RegisterImportView, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(i.orgUnitId);
  }

  @ResolveField(() => UserModel)
  createdBy(@Parent() i: RegisterImportView, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return ctx.loaders.user.load(i.createdById);
  }

  @ResolveField(() => Float)
  progress(@Parent() i: RegisterImportView): number {
    if (i.status === RegisterImportStatus.APPLIED) return 1;
    const toApply = i.toCreate + i.toUpdate;
    return toApply ? Math.min(1, i.appliedRows / toApply) : 0;
  }

  @ResolveField(() => String, { nullable: true })
  refusedRowsUrl(@Parent() i: RegisterImportView): string | null {
    return i.refused > 0 ? refusedRowsPath(i.id) : null;
  }

  @ResolveField(() => RegisterImportRowConnectionModel)
  rows(
    @Parent() i: RegisterImportView,
    @Args('action', { type: () => ImportRowAction, nullable: true }) action: ImportRowAction | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<RegisterImportRowView>> {
    return this.imports.rows(i, action, first, after);
  }
}
