import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { CaseStage, PeriodKind, ReportStatus } from './enums';
import { OrgUnitModel } from './models';

// The pipeline's and the periodic reports' figures (docs/architecture.md).

@ObjectType('StageCount')
export class StageCountModel {
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => Int) count: number;
  @Field(() => Int) overdue: number;
}

@ObjectType('TargetProgress')
export class TargetProgressModel {
  @Field(() => Int, { nullable: true, description: "The year's target (Kế hoạch năm)" }) target: number | null;
  @Field(() => Int, { description: "The period's result (Kết quả kỳ)" }) actual: number;
  @Field(() => Int, { nullable: true, description: 'From 1 January to the period end (Lũy kế từ đầu năm); null in reports built before it was kept' })
  yearToDate?: number | null;
  @Field(() => Float, { nullable: true, description: 'yearToDate / target × 100 (% kế hoạch năm, lũy kế)' }) percentOfYearTarget?: number | null;
}

@ObjectType('CoverageProgress')
export class CoverageProgressModel {
  @Field(() => Int) enterprises25Plus: number;
  @Field(() => Int) withUnion: number;
  @Field(() => Float, { nullable: true }) percent: number | null;
  @Field(() => Float, { nullable: true }) targetPercent: number | null;
}

@ObjectType('ReceivedUnitsFigures', { description: "Bao gồm các đơn vị tiếp nhận trong năm: figures by today's tree" })
export class ReceivedUnitsFiguresModel {
  @Field(() => Int) newMembers: number;
  @Field(() => Int) newGrassrootsUnions: number;
}

/** The four figures the pipeline, a report and a review meeting's snapshot all show for a unit. */
@ObjectType({ isAbstract: true })
export abstract class UnitFiguresModel {
  @Field(() => [StageCountModel]) stages: StageCountModel[];
  @Field(() => TargetProgressModel) newMembers: TargetProgressModel;
  @Field(() => TargetProgressModel) newGrassrootsUnions: TargetProgressModel;
  @Field(() => CoverageProgressModel) coverage: CoverageProgressModel;
}

@ObjectType('Pipeline')
export class PipelineModel extends UnitFiguresModel {
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  orgUnitId: string;
  @Field(() => Int) year: number;
  @Field(() => ReceivedUnitsFiguresModel, {
    description:
      "The year's new members and CĐCS counted by today's tree: with the units received during the year (restructuring), also for their days before they came",
  })
  includingReceived: ReceivedUnitsFiguresModel;
}

@ObjectType('OfficerFigures')
export class OfficerFiguresModel {
  @Field(() => ID) officerId: string;
  @Field() fullName: string;
  @Field(() => Int) cases: number;
  @Field(() => Int) openCases: number;
  @Field(() => Int) overdueCases: number;
  @Field(() => Int) recognitions: number;
  @Field(() => Int) membersAdmitted: number;
  @Field(() => Int, { nullable: true }) targetMembers: number | null;
  @Field(() => Int, { nullable: true }) targetGrassrootsUnions: number | null;
}

@ObjectType('GrassrootsFigures')
export class GrassrootsFiguresModel {
  @Field(() => ID) unitId: string;
  @Field() name: string;
  @Field(() => Int) membersAdmitted: number;
  @Field(() => Int) membersAtEnd: number;
  @Field(() => DateDay, { nullable: true }) recognizedOn: string | null;
}

@ObjectType('ReportFigures')
export class ReportFiguresModel extends UnitFiguresModel {
  @Field(() => [OfficerFiguresModel], { nullable: true }) byOfficer?: OfficerFiguresModel[];
  @Field(() => [GrassrootsFiguresModel], { nullable: true }) byGrassrootsUnion?: GrassrootsFiguresModel[];
  @Field(() => Int, { nullable: true }) overdueCases?: number;
}

@ObjectType('Report')
export class ReportModel {
  @Field(() => ID) id: string;
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  orgUnitId: string;
  @Field(() => PeriodKind) periodKind: PeriodKind;
  @Field(() => DateDay) periodStart: string;
  @Field(() => DateDay) periodEnd: string;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => Int) progress: number;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) builtAt: Date | null;
  @Field(() => ReportFiguresModel, { nullable: true }) figures?: ReportFiguresModel | null;
  @Field(() => String, { nullable: true }) xlsxUrl?: string | null;
  @Field(() => String, { nullable: true }) csvUrl?: string | null;
  @Field(() => Int, { description: 'Builds of the same unit and period are numbered; scheduled builds are 1' }) version: number;
  @Field(() => String, { nullable: true, description: 'Why the build failed' }) error: string | null;
}
