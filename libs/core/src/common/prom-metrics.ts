import { Counter, CounterConfiguration, Gauge, GaugeConfiguration, Histogram, HistogramConfiguration, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The base of an app's Prometheus metrics: a registry of its own (one per app instance, so tests can start several),
 * metrics made in it with counter/histogram/gauge, and the process metrics (CPU, memory, event loop) added by
 * collectProcessMetrics() where the subclass wants them in the exposition.
 */
export abstract class PromMetrics {
  readonly registry = new Registry();

  protected counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  protected histogram<L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return new Histogram({ ...config, registers: [this.registry] });
  }

  protected gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  protected collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Prometheus text exposition. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
