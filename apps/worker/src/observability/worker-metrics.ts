import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { PromMetrics } from '@app/core';

/**
 * The worker's Prometheus metrics: jobs by queue, name and outcome with their duration (counted
 * where every job passes, JobRegistry), and the outbox backlog (rows not yet moved into BullMQ),
 * read from Postgres on scrape.
 */
@Injectable()
export class WorkerMetrics extends PromMetrics {
  readonly jobs = this.counter({
    name: 'cdcs_jobs_total',
    help: 'Job attempts processed by this worker, by queue, job name and outcome (completed or failed; a retried job counts each attempt)',
    labelNames: ['queue', 'name', 'outcome'] as const,
  });

  readonly jobDuration = this.histogram({
    name: 'cdcs_job_duration_seconds',
    help: 'Job attempt duration by queue and job name',
    labelNames: ['queue', 'name'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  });

  readonly outboxBacklog: Gauge;
  readonly outboxOldest: Gauge;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
    this.collectProcessMetrics();
    let read: Promise<{ n: number; age: number | null }> | null = null;
    // Both gauges come from one query per scrape.
    const backlog = () =>
      (read ??= this.db
        .query(`SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float AS age FROM outbox WHERE sent_at IS NULL`)
        .then((rows: { n: number; age: number | null }[]) => rows[0])
        .finally(() => setImmediate(() => (read = null))));
    this.outboxBacklog = this.gauge({
      name: 'cdcs_outbox_backlog',
      help: 'Outbox rows not yet relayed into BullMQ (read from Postgres on scrape)',
      async collect() {
        this.set((await backlog()).n);
      },
    });
    this.outboxOldest = this.gauge({
      name: 'cdcs_outbox_oldest_unsent_seconds',
      help: 'Age of the oldest outbox row not yet relayed (0 when none)',
      async collect() {
        this.set((await backlog()).age ?? 0);
      },
    });
  }

  /** Starts timing a job attempt; call the result with its outcome. */
  jobStarted(job: Pick<Job, 'queueName' | 'name'>): (outcome: 'completed' | 'failed') => void {
    const labels = { queue: job.queueName, name: job.name };
    const stop = this.jobDuration.startTimer(labels);
    return (outcome) => {
      stop();
      this.jobs.inc({ ...labels, outcome });
    };
  }
}
