import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentNode, OperationDefinitionNode, getOperationAST, parse } from 'graphql';
import type { MercuriusContext, preExecutionHookHandler } from 'mercurius';
import { GRAPHQL_LIMITS } from '../security/graphql-limits';
import { operationNameOf } from '../security/graphql-over-http';
import { ApiMetrics } from './api-metrics';

interface GraphqlRecord {
  start: bigint;
  operation?: OperationDefinitionNode | null;
  outcome?: string;
}
const RECORD = Symbol('graphqlRecord');
type Recorded = FastifyRequest & { [RECORD]?: GraphqlRecord };

/** The first error code of a GraphQL answer, kept for the request's metrics (graphql-answers.ts). */
export function noteOutcome(request: FastifyRequest, code: string | undefined): void {
  const record = (request as Recorded)[RECORD];
  if (record) record.outcome = code ?? 'UNKNOWN';
}

function noteOperation(request: FastifyRequest, document: DocumentNode | null): void {
  const record = (request as Recorded)[RECORD];
  if (record && record.operation === undefined) record.operation = document ? getOperationAST(document, operationNameOf(request)) : null;
}

/**
 * Counts and times every GraphQL request that passed the HTTP checks (as Apollo's request pipeline
 * counted them) by operation name, type and outcome (ok or the first error's code): Fastify route
 * hooks for the request's span, a Mercurius preExecution hook for the operation. A document that
 * parsed but failed validation still names its operation (parsed again here, on that path only).
 */
export function graphqlMetricsHooks(metrics: ApiMetrics) {
  const preExecution: preExecutionHookHandler<MercuriusContext> = async (_schema, document, context) => {
    noteOperation(context.reply.request, document);
  };
  return {
    preHandler: async (request: FastifyRequest): Promise<void> => {
      (request as Recorded)[RECORD] = { start: process.hrtime.bigint() };
    },
    onResponse: async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
      const record = (request as Recorded)[RECORD];
      if (!record) return;
      if (record.operation === undefined) {
        const params = (request.method === 'GET' ? request.query : request.body) as { query?: unknown } | undefined;
        let document: DocumentNode | null = null;
        try {
          if (typeof params?.query === 'string') document = parse(params.query, { maxTokens: GRAPHQL_LIMITS.maxTokens });
        } catch {
          document = null;
        }
        noteOperation(request, document);
      }
      const op = record.operation;
      const operation = metrics.operationLabel(op?.name?.value ?? operationNameOf(request));
      const type = op?.operation ?? 'unknown';
      metrics.graphqlRequests.inc({ operation, type, outcome: metrics.outcomeLabel(record.outcome) });
      metrics.graphqlDuration.observe({ operation, type }, Number(process.hrtime.bigint() - record.start) / 1e9);
    },
    preExecution,
  };
}
