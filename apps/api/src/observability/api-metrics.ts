import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PromMetrics } from '@app/core';

/** Distinct operation names kept as label values; later names count under OTHER_OPERATION. */
export const MAX_OPERATION_NAMES = 100;
export const OTHER_OPERATION = '__other__';
export const ANONYMOUS_OPERATION = '__anonymous__';
/** Postgres-backed gauges are read at most this often, however often /metrics is scraped. */
const DB_GAUGES_EVERY_MS = 10_000;

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;

/**
 * The API's Prometheus metrics: GraphQL requests and latency by operation, case transitions and open
 * cases by stage (read from Postgres on scrape, so every replica reports the same totals), process metrics.
 */
@Injectable()
export class ApiMetrics extends PromMetrics {
  private readonly operationNames = new Set<string>();
  private dbReadAt = 0;
  private dbRead: Promise<void> | null = null;

  readonly graphqlRequests = this.counter({
    name: 'cdcs_graphql_requests_total',
    help: 'GraphQL requests by operation name (client-given, capped), type and outcome (ok or the first error code)',
    labelNames: ['operation', 'type', 'outcome'] as const,
  });

  readonly graphqlDuration = this.histogram({
    name: 'cdcs_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name and type, from request start to response',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });

  readonly caseTransitions = this.gauge({
    name: 'cdcs_case_transitions',
    help: 'Founding-case history steps recorded so far, by action and stage (a running total read from Postgres)',
    labelNames: ['action', 'from_stage', 'to_stage'] as const,
  });

  readonly casesByStage = this.gauge({
    name: 'cdcs_founding_cases',
    help: 'Founding cases by current stage (read from Postgres)',
    labelNames: ['stage'] as const,
  });

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
    this.collectProcessMetrics();
  }

  /** The label for a client-given operation name: bounded in length, charset and number of values. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (!OPERATION_NAME.test(name)) return OTHER_OPERATION;
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return OTHER_OPERATION;
    this.operationNames.add(name);
    return name;
  }

  outcomeLabel(code: unknown): string {
    if (code === undefined) return 'ok';
    return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'OTHER_ERROR';
  }

  /** Prometheus text exposition, Postgres gauges refreshed when older than DB_GAUGES_EVERY_MS. */
  override async scrape(): Promise<string> {
    if (Date.now() - this.dbReadAt > DB_GAUGES_EVERY_MS) {
      // One read at a time; concurrent scrapes share it.
      this.dbRead ??= this.readDbGauges().finally(() => {
        this.dbRead = null;
      });
      await this.dbRead;
    }
    return super.scrape();
  }

  private async readDbGauges(): Promise<void> {
    const [transitions, stages] = await Promise.all([
      this.db.query(`SELECT action, coalesce(from_stage, '') AS "from", to_stage AS "to", count(*)::int AS n FROM case_transition GROUP BY 1, 2, 3`),
      this.db.query(`SELECT stage, count(*)::int AS n FROM founding_case GROUP BY stage`),
    ]);
    this.caseTransitions.reset();
    for (const t of transitions as { action: string; from: string; to: string; n: number }[]) {
      this.caseTransitions.set({ action: t.action, from_stage: t.from, to_stage: t.to }, t.n);
    }
    this.casesByStage.reset();
    for (const s of stages as { stage: string; n: number }[]) this.casesByStage.set({ stage: s.stage }, s.n);
    this.dbReadAt = Date.now();
  }
}
