import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReportStatus } from '@app/core';
import { DocumentKind } from '@app/domain';
import { DateDay } from './date.scalar';
import { OrgUnitModel } from './models';

registerEnumType(DocumentKind, { name: 'DocumentKind', description: 'The official documents the product issues (docs/architecture.md#official-documents)' });

@InputType({ description: "Issue an official document: it takes the next number of the issuing unit's register and is built by the worker" })
export class IssueDocumentInput {
  @Field(() => DocumentKind) kind: DocumentKind;
  @Field(() => ID, {
    description:
      'The founding case (RECOGNITION_DECISION), admission decision (ADMISSION_DECISION), report (PERIOD_REPORT), plan version (PLAN) or held review meeting (REVIEW_CONCLUSION)',
  })
  sourceId: string;
  @Field(() => DateDay, {
    nullable: true,
    description: "Default today (an admission decision: the batch's day, the only one allowed); not before the last day in the register",
  })
  issuedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'PERIOD_REPORT: difficulties, as the supervisor writes them' }) difficulties?: string | null;
  @Field(() => String, { nullable: true, description: 'PERIOD_REPORT: proposals' }) proposals?: string | null;
}

@InputType()
export class CancelDocumentInput {
  @Field(() => ID) id: string;
  @Field() reason: string;
}

@InputType({ description: "A unit's document texts (name block, place, signing lines, signer, recipients)" })
export class DocumentSettingsInput {
  @Field() parentLine: string;
  @Field() issuerName: string;
  @Field({ description: 'Abbreviation after the type symbol: "CĐN" gives "12/QĐ-CĐN"' }) shortName: string;
  @Field() placeName: string;
  @Field({ description: '"TM. BAN THƯỜNG VỤ" or "TM. BAN CHẤP HÀNH"' }) authorityLine: string;
  @Field({ description: '"CHỦ TỊCH", or two lines "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH"' }) signerTitle: string;
  @Field() signerName: string;
  @Field(() => [String]) recipients: string[];
}

@InputType()
export class SaveDocumentSettingsInput extends DocumentSettingsInput {
  @Field(() => ID) orgUnitId: string;
}

@InputType({ description: 'A preview takes no number: from a source, or a sample of the kind for a unit with settings as typed' })
export class PreviewDocumentInput {
  @Field(() => DocumentKind) kind: DocumentKind;
  @Field(() => ID, { nullable: true }) sourceId?: string | null;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => DocumentSettingsInput, { nullable: true }) settings?: DocumentSettingsInput | null;
  @Field(() => String, { nullable: true }) difficulties?: string | null;
  @Field(() => String, { nullable: true }) proposals?: string | null;
}

@ObjectType('OfficialDocument', { description: 'An issued document with its number in the register; a cancelled one keeps its number' })
export class OfficialDocumentModel {
  @Field(() => ID) id: string;
  @Field(() => DocumentKind) kind: DocumentKind;
  @Field(() => OrgUnitModel, { description: 'The issuing unit' }) orgUnit?: OrgUnitModel;
  orgUnitId: string;
  @Field(() => ID) sourceId: string;
  @Field(() => Int) year: number;
  @Field(() => Int) number: number;
  @Field({ description: '"12/QĐ-CĐN"' }) numberLabel: string;
  @Field(() => DateDay) issuedOn: string;
  @Field() title: string;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) builtAt: Date | null;
  @Field(() => String, { nullable: true }) docxUrl?: string | null;
  @Field(() => String, { nullable: true }) pdfUrl?: string | null;
}

@ObjectType('DocumentSettings')
export class DocumentSettingsModel {
  @Field(() => ID) orgUnitId: string;
  @Field() parentLine: string;
  @Field() issuerName: string;
  @Field() shortName: string;
  @Field() placeName: string;
  @Field() authorityLine: string;
  @Field() signerTitle: string;
  @Field() signerName: string;
  @Field(() => [String]) recipients: string[];
  @Field({ description: 'True when the unit saved its own; else defaults and what it inherits' }) own: boolean;
  @Field(() => OrgUnitModel, { nullable: true, description: 'The ancestor whose place (and signing lines) it inherits' }) inheritedFrom?: OrgUnitModel | null;
  inheritedFromId: string | null;
}
