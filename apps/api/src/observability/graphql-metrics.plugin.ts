import { Plugin } from '@nestjs/apollo';
import { getOperationAST } from 'graphql';
import type { ApolloPlugin } from '../security/apollo-types';
import { ApiMetrics } from './api-metrics';

type Listener = Awaited<ReturnType<NonNullable<ApolloPlugin['requestDidStart']>>>;

/** Counts and times every GraphQL request by operation name, type and outcome (the first error's code). */
@Plugin()
export class GraphqlMetricsPlugin implements ApolloPlugin {
  constructor(private readonly metrics: ApiMetrics) {}

  async requestDidStart(): Promise<Listener> {
    const stopTimer = process.hrtime.bigint();
    const metrics = this.metrics;
    return {
      async willSendResponse({ request, document, operation, response }) {
        // A document that parsed but failed validation still names its operation.
        const op = operation ?? (document ? getOperationAST(document, request.operationName) : null);
        const operationLabel = metrics.operationLabel(op?.name?.value ?? request.operationName);
        const type = op?.operation ?? 'unknown';
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const outcome = metrics.outcomeLabel(errors?.length ? (errors[0].extensions?.code ?? 'UNKNOWN') : undefined);
        metrics.graphqlRequests.inc({ operation: operationLabel, type, outcome });
        metrics.graphqlDuration.observe({ operation: operationLabel, type }, Number(process.hrtime.bigint() - stopTimer) / 1e9);
      },
    };
  }
}
