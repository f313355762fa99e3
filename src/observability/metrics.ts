// Prometheus metrics (prom-client) in a registry of the adapter's own, never the global one, so two
// adapters in one process (tests) do not share counters. What an operator asks first: requests by
// route and status and how long they took, OCI-P commands by type and outcome and how long BroadWorks
// took, how busy the session pool is, and which APIO errors are answered.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DocumentEvent } from '../ocip/client.js';
import type { PoolStats } from '../ocip/pool/pool-types.js';

/** Seconds. Fine below 50 ms, where an adapter in front of a healthy BroadWorks lives. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class AdapterMetrics {
  readonly registry = new Registry();
  readonly #httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly #httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly #ocipCommands: Histogram<'command' | 'outcome'>;
  readonly #ocipDocuments: Histogram<'outcome'>;
  readonly #errors: Counter<'code' | 'reason'>;
  #poolStats: (() => PoolStats) | undefined;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'apio_' });
    this.#httpRequests = new Counter({
      name: 'apio_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.#httpDuration = new Histogram({
      name: 'apio_http_request_duration_seconds',
      help: 'Time from the request to the end of the answer, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#ocipCommands = new Histogram({
      name: 'apio_ocip_command_duration_seconds',
      help: 'OCI-P commands by type and outcome (success, error-response, failure); each observes the round trip of its document',
      labelNames: ['command', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#ocipDocuments = new Histogram({
      name: 'apio_ocip_document_duration_seconds',
      help: 'OCI-P documents (round trips, 1 to 15 commands each) by outcome',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#errors = new Counter({
      name: 'apio_errors_total',
      help: 'APIO errors answered, by APIO code and reason',
      labelNames: ['code', 'reason'],
      registers,
    });
    const metrics = this;
    new Gauge({
      name: 'apio_ocip_pool_sessions',
      help: 'OCI-P pool: sessions in use, idle and being created, and requests waiting for a session',
      labelNames: ['state'],
      registers,
      collect() {
        const stats = metrics.#poolStats?.();
        if (!stats) return;
        this.set({ state: 'in_use' }, stats.inUse);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
        this.set({ state: 'creating' }, stats.creating);
      },
    });
    new Gauge({
      name: 'apio_ocip_pool_max_sessions',
      help: 'OCI-P pool: the configured maximum of sessions',
      registers,
      collect() {
        const stats = metrics.#poolStats?.();
        if (stats) this.set(stats.max);
      },
    });
  }

  /** The pool gauges read these statistics at each scrape. */
  watchPool(stats: () => PoolStats): void {
    this.#poolStats = stats;
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.#httpRequests.inc(labels);
    this.#httpDuration.observe(labels, seconds);
  }

  /** The client's onDocument hook. */
  observeDocument(event: DocumentEvent): void {
    const seconds = event.durationMs / 1000;
    this.#ocipDocuments.observe({ outcome: event.outcome }, seconds);
    event.commandTypes.forEach((command, index) => {
      this.#ocipCommands.observe({ command, outcome: event.commandOutcomes[index] ?? event.outcome }, seconds);
    });
  }

  countError(code: number, reason: string): void {
    this.#errors.inc({ code: String(code), reason });
  }

  /** The text exposition for GET /metrics. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
