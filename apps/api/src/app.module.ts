import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, ConfigModule } from '@app/config';
import { CoreModule } from '@app/core';
import { RedisHealthIndicator } from '@app/queue';
import { AccessGuard } from './auth/access.guard';
import { ActorChangeListener } from './auth/actor-change-listener';
import { LoginThrottle } from './auth/login-throttle';
import { ReadYourWritesInterceptor } from './replica/read-your-writes.interceptor';
import { DateScalar } from './graphql/date.scalar';
import { graphqlServerOptions } from './graphql/graphql-server';
import { ObservabilityModule } from './observability/observability.module';
import { ApiMetrics } from './observability/api-metrics';
import { requestLogging } from './observability/request-logging';
import { AppExceptionFilter } from './graphql/exception.filter';
import { GqlContext, LoadersFactory } from './graphql/loaders';
import { HealthController } from './health/health.controller';
import { ApplicationResolver } from './resolvers/applications.resolver';
import { CaseTransitionResolver, FoundingCaseResolver } from './resolvers/cases.resolver';
import { EnterpriseResolver, FundingTypeEntryResolver, WorkerCountEntryResolver } from './resolvers/enterprises.resolver';
import { OrgUnitResolver, UserResolver } from './resolvers/identity.resolver';
import { AccountsResolver, OrgStructureResolver } from './resolvers/accounts.resolver';
import { PipelineResolver } from './resolvers/pipeline.resolver';
import { RestructuringResolver } from './resolvers/restructuring.resolver';
import { ApplicationEscalationResolver, EscalationResolver } from './resolvers/escalations.resolver';
import { EscalatedApplicationResolver, EscalatedCaseResolver, EscalationAcknowledgementResolver } from './resolvers/escalated-cases.resolver';
import { CalendarResolver } from './resolvers/calendar.resolver';
import { NominationDecisionResolver, RewardNominationResolver } from './resolvers/rewards.resolver';
import { ReportResolver } from './resolvers/reports.resolver';
import { ReportFilesController } from './reports/report-files.controller';
import { DocumentFilesController } from './documents/document-files.controller';
import { DocumentSettingsResolver, OfficialDocumentResolver } from './resolvers/documents.resolver';
import { RegisterFilesController } from './registers/register-files.controller';
import { RegisterImportsController } from './imports/register-imports.controller';
import { RegisterImportResolver } from './resolvers/register-imports.resolver';
import { AdmissionDecisionResolver, MemberResolver } from './resolvers/grassroots.resolver';
import { UpperLevelMemberResolver } from './resolvers/upper-level-members.resolver';
import { GrassrootsUnionsResolver } from './resolvers/grassroots-unions.resolver';
import { StatisticsReturnResolver } from './resolvers/statistics-returns.resolver';
import { PartyGroupsResolver } from './resolvers/party-groups.resolver';
import { ReviewMeetingResolver } from './resolvers/review-meetings.resolver';
import { ReturnSettingsResolver } from './resolvers/return-settings.resolver';
import { StaffImportsController } from './imports/staff-imports.controller';
import { MoneyScalar } from './graphql/money.scalar';
import { BudgetEntryResolver, BudgetResolver, EnterpriseAreaOfficerResolver, OfficerAreaResolver, PlanResolver } from './resolvers/plan-budget.resolver';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { AuditLogFilesController } from './audit/audit-log-files.controller';

@Module({ imports: [CoreModule], providers: [LoadersFactory], exports: [LoadersFactory, CoreModule] })
class GraphqlSupportModule {}

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      // No routes: requests are logged by Fastify hooks (logRequests in main.ts).
      useFactory: (config: AppConfig) => ({ pinoHttp: requestLogging(config.logLevel), forRoutes: [] }),
    }),
    CoreModule,
    TerminusModule,
    ObservabilityModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [GraphqlSupportModule, ObservabilityModule],
      inject: [LoadersFactory, APP_CONFIG, ApiMetrics],
      useFactory: (loaders: LoadersFactory, config: AppConfig, metrics: ApiMetrics) => ({
        autoSchemaFile: true,
        sortSchema: false,
        // GraphiQL and introspection outside production only; answers shaped as Apollo's were (graphql-server.ts).
        ...graphqlServerOptions(config, metrics),
        // Mercurius hands the context function Fastify's request (and reply).
        context: (req: FastifyRequest & GqlContext['req']): GqlContext => ({ req, loaders: loaders.create(() => req.actor) }),
      }),
    }),
  ],
  controllers: [
    HealthController,
    ReportFilesController,
    RegisterFilesController,
    RegisterImportsController,
    StaffImportsController,
    AuditLogFilesController,
    DocumentFilesController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
    LoginThrottle,
    ActorChangeListener,
    RedisHealthIndicator,
    DateScalar,
    UserResolver,
    OfficialDocumentResolver,
    DocumentSettingsResolver,
    OrgUnitResolver,
    MemberResolver,
    UpperLevelMemberResolver,
    GrassrootsUnionsResolver,
    PartyGroupsResolver,
    StatisticsReturnResolver,
    ReviewMeetingResolver,
    ReturnSettingsResolver,
    AdmissionDecisionResolver,
    FoundingCaseResolver,
    CaseTransitionResolver,
    EnterpriseResolver,
    ApplicationResolver,
    PipelineResolver,
    EscalationResolver,
    ApplicationEscalationResolver,
    EscalatedCaseResolver,
    EscalatedApplicationResolver,
    EscalationAcknowledgementResolver,
    RewardNominationResolver,
    NominationDecisionResolver,
    CalendarResolver,
    ReportResolver,
    AccountsResolver,
    OrgStructureResolver,
    RestructuringResolver,
    WorkerCountEntryResolver,
    FundingTypeEntryResolver,
    RegisterImportResolver,
    MoneyScalar,
    PlanResolver,
    OfficerAreaResolver,
    BudgetResolver,
    BudgetEntryResolver,
    EnterpriseAreaOfficerResolver,
    AuditLogResolver,
  ],
})
export class AppModule {}
