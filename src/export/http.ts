import { AgentTraceError } from '../errors.js';
import { reportDiagnostic } from '../diagnostics.js';
import { assembleSessions } from '../model/assemble-sessions.js';
import { SCHEMA_VERSION } from '../model/events.js';
import type { TraceExporter } from './exporter.js';
import type { MessageRecord, SessionRecord, TimestepRecord, TraceRecord } from './records.js';
import { CircuitBreaker, type BreakerState } from './http-circuit-breaker.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './http-retry.js';

/** Options of `HttpExporter`; every number has a default suited to a production service. */
export interface HttpExporterOptions {
  /** Base URL of the trace service; records go to `POST {endpoint}/api/spans` and `POST {endpoint}/api/traces`. */
  endpoint: string;
  /** Sent in `apiKeyHeader`; with the default header as `Bearer <apiKey>`. */
  apiKey?: string;
  /** Header that carries the key. Default `Authorization` (value `Bearer <key>`); any other header gets the bare key. */
  apiKeyHeader?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Most items (spans or traces) per request. Default 512. */
  maxBatchSize?: number;
  /** Most items waiting to be sent; beyond it new records are dropped and counted. Default 4096. */
  maxQueueSize?: number;
  /** Most bytes of JSON waiting to be sent. Default 16 MiB. */
  maxQueueBytes?: number;
  /** Timesteps and messages held for sessions that have not ended (sent with the session). Default 10000. */
  maxPendingSessionRecords?: number;
  /** One request (connect, send, response) may take this long before it is aborted and retried. Default 10000 ms. */
  exportTimeoutMs?: number;
  /** Retries of one batch after its first attempt. Default 5. */
  maxRetries?: number;
  /** Backoff before the first retry is jittered within [0, initialBackoffMs), doubling per retry. Default 500 ms. */
  initialBackoffMs?: number;
  /** Ceiling of the backoff window. Default 30000 ms. */
  maxBackoffMs?: number;
  /** Longest `Retry-After` honoured; a longer one is cut to this. Default 60000 ms. */
  maxRetryAfterMs?: number;
  /** Consecutive failed requests that open the circuit breaker. Default 5. */
  breakerThreshold?: number;
  /** How long an open breaker waits before one probe request. Default 30000 ms. */
  breakerCooldownMs?: number;
  /** How long `shutdown` (and `forceFlush`) wait for the queue to drain. Default 5000 ms. */
  shutdownTimeoutMs?: number;
  /** The jitter source, [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Observes what the exporter does (attempts, retries, breaker changes, drops): for metrics and tests. */
  onEvent?: (event: HttpExporterEvent) => void;
}

/** What `HttpExporterOptions.onEvent` receives. */
export type HttpExporterEvent =
  | { type: 'request'; path: string; items: number; attempt: number }
  | { type: 'response'; path: string; status: number; attempt: number }
  | { type: 'request-failed'; path: string; reason: 'timeout' | 'connection'; attempt: number; message: string }
  | { type: 'retry'; path: string; attempt: number; delayMs: number; retryAfterMs: number | undefined }
  | { type: 'breaker'; state: BreakerState }
  | { type: 'dropped'; items: number; reason: 'queue-full' | 'retries-exhausted' | 'rejected' | 'shutdown' | 'pending-full' | 'unserializable' };

/** Counters of an `HttpExporter`. */
export interface HttpExporterStats {
  /** Items (spans and traces) delivered. */
  sent: number;
  /** Items given up on: queue full, retries exhausted, rejected by the service, or left at shutdown. */
  dropped: number;
  /** Items waiting. */
  queued: number;
  /** Items in the request being sent (or waiting for its retry). */
  inFlight: number;
  /** Retries made. */
  retries: number;
  /** Requests that failed (status, timeout or connection). */
  failedRequests: number;
  breaker: BreakerState;
}

interface Item {
  path: '/api/spans' | '/api/traces';
  json: string;
}

interface Pending {
  timesteps: TimestepRecord[];
  messages: MessageRecord[];
}

type Outcome = { ok: true } | { ok: false; retryable: boolean; retryAfterMs?: number; status?: number; message: string };

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function positive(name: string, value: unknown, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new AgentTraceError('E_CONFIG', `agent-trace: HttpExporter ${name} is ${String(value)}; use a number >= ${min}.`);
  }
  return value;
}

function wholeNumber(name: string, value: unknown, fallback: number, min: number): number {
  const n = positive(name, value, fallback, min);
  if (!Number.isInteger(n)) throw new AgentTraceError('E_CONFIG', `agent-trace: HttpExporter ${name} is ${String(value)}; use a whole number >= ${min}.`);
  return n;
}

/**
 * Sends traces to an HTTP trace service: events as they finish to `POST /api/spans`, and each
 * finished session (with its timesteps and messages) to `POST /api/traces`, as JSON. It batches,
 * retries 429/5xx/timeouts/connection errors with exponential backoff, full jitter and `Retry-After`,
 * stops calling a service that is down (circuit breaker), and keeps memory bounded while it is down:
 * `export` only queues, never waits for the network and never throws.
 *
 * Bodies: `{ "schema_version": "3.0", "spans": [{ "session_id", "step_id", ...event }] }` and
 * `{ "schema_version": "3.0", "traces": [SessionTrace] }` (events travel as spans, not inside traces).
 *
 * @example
 * const tracer = new SessionTracer({
 *   exporters: [new HttpExporter({ endpoint: 'https://traces.example.com', apiKey: process.env.TRACE_KEY })],
 * });
 */
export class HttpExporter implements TraceExporter {
  readonly name = 'http';
  private readonly endpoint: string;
  private readonly headers: Record<string, string>;
  private readonly o: Required<Omit<HttpExporterOptions, 'apiKey' | 'apiKeyHeader' | 'headers' | 'onEvent' | 'endpoint'>>;
  private readonly onEvent: ((event: HttpExporterEvent) => void) | undefined;
  private readonly breaker: CircuitBreaker;
  private readonly queue: Item[] = [];
  private queueHead = 0;
  private queueBytes = 0;
  private readonly pending = new Map<string, Pending>();
  private pendingCount = 0;
  private pumping: Promise<void> | undefined;
  private inFlight = 0;
  private readonly stopController = new AbortController();
  private stopped = false;
  private droppingSince: number | undefined;
  private readonly counts = { sent: 0, dropped: 0, retries: 0, failedRequests: 0 };

  constructor(options: HttpExporterOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: new HttpExporter(options) needs an options object, e.g. { endpoint: "https://traces.example.com" }.');
    }
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw new AgentTraceError('E_CONFIG', `agent-trace: HttpExporter endpoint ${JSON.stringify(options.endpoint)} is not a URL; use e.g. "https://traces.example.com".`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AgentTraceError('E_CONFIG', `agent-trace: HttpExporter endpoint must be an http:// or https:// URL, got ${JSON.stringify(options.endpoint)}.`);
    }
    this.endpoint = url.href.replace(/\/+$/, '');
    const headerName = options.apiKeyHeader ?? 'Authorization';
    if (typeof headerName !== 'string' || !HEADER_NAME.test(headerName)) {
      throw new AgentTraceError('E_CONFIG', `agent-trace: HttpExporter apiKeyHeader ${JSON.stringify(headerName)} is not a valid header name.`);
    }
    if (options.apiKey !== undefined && (typeof options.apiKey !== 'string' || options.apiKey === '' || /[\r\n]/.test(options.apiKey))) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: HttpExporter apiKey must be a non-empty string on one line.');
    }
    this.headers = { 'content-type': 'application/json', 'user-agent': 'agent-trace' };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (!HEADER_NAME.test(name) || typeof value !== 'string' || /[\r\n]/.test(value)) {
        throw new AgentTraceError('E_CONFIG', `agent-trace: HttpExporter header ${JSON.stringify(name)} is not a valid header (name token, one-line string value).`);
      }
      this.headers[name.toLowerCase()] = value;
    }
    if (options.apiKey !== undefined) {
      this.headers[headerName.toLowerCase()] = headerName.toLowerCase() === 'authorization' ? `Bearer ${options.apiKey}` : options.apiKey;
    }
    if (options.random !== undefined && typeof options.random !== 'function') throw new AgentTraceError('E_CONFIG', 'agent-trace: HttpExporter random must be a function returning [0, 1).');
    if (options.onEvent !== undefined && typeof options.onEvent !== 'function') throw new AgentTraceError('E_CONFIG', 'agent-trace: HttpExporter onEvent must be a function.');
    this.o = {
      maxBatchSize: wholeNumber('maxBatchSize', options.maxBatchSize, 512, 1),
      maxQueueSize: wholeNumber('maxQueueSize', options.maxQueueSize, 4096, 1),
      maxQueueBytes: wholeNumber('maxQueueBytes', options.maxQueueBytes, 16 * 1024 * 1024, 1024),
      maxPendingSessionRecords: wholeNumber('maxPendingSessionRecords', options.maxPendingSessionRecords, 10_000, 0),
      exportTimeoutMs: positive('exportTimeoutMs', options.exportTimeoutMs, 10_000),
      maxRetries: wholeNumber('maxRetries', options.maxRetries, 5, 0),
      initialBackoffMs: positive('initialBackoffMs', options.initialBackoffMs, 500, 0),
      maxBackoffMs: positive('maxBackoffMs', options.maxBackoffMs, 30_000, 0),
      maxRetryAfterMs: positive('maxRetryAfterMs', options.maxRetryAfterMs, 60_000, 0),
      breakerThreshold: wholeNumber('breakerThreshold', options.breakerThreshold, 5, 1),
      breakerCooldownMs: positive('breakerCooldownMs', options.breakerCooldownMs, 30_000, 0),
      shutdownTimeoutMs: positive('shutdownTimeoutMs', options.shutdownTimeoutMs, 5_000, 0),
      random: options.random ?? Math.random,
    };
    this.onEvent = options.onEvent;
    this.breaker = new CircuitBreaker({
      threshold: this.o.breakerThreshold,
      cooldownMs: this.o.breakerCooldownMs,
      onChange: (state) => {
        this.emit({ type: 'breaker', state });
        if (state === 'open') reportDiagnostic('http-breaker-open', `agent-trace: the trace service at ${this.endpoint} failed ${this.breaker.consecutiveFailures} times in a row; pausing requests for ${this.o.breakerCooldownMs} ms.`);
      },
    });
  }

  /**
   * Builds the exporter from `AGENT_TRACE_HTTP_ENDPOINT` (required), `AGENT_TRACE_HTTP_API_KEY` and
   * `AGENT_TRACE_HTTP_API_KEY_HEADER`; a missing or bad value is an `AgentTraceError` naming the variable.
   *
   * @example
   * // AGENT_TRACE_EXPORTERS=http AGENT_TRACE_HTTP_ENDPOINT=https://traces.example.com node agent.js
   * const exporter = HttpExporter.fromEnv();
   */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): HttpExporter {
    const endpoint = env.AGENT_TRACE_HTTP_ENDPOINT;
    if (!endpoint) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: AGENT_TRACE_EXPORTERS includes http but AGENT_TRACE_HTTP_ENDPOINT is not set; set it to the trace service URL.');
    }
    const options: HttpExporterOptions = { endpoint };
    if (env.AGENT_TRACE_HTTP_API_KEY) options.apiKey = env.AGENT_TRACE_HTTP_API_KEY;
    if (env.AGENT_TRACE_HTTP_API_KEY_HEADER) options.apiKeyHeader = env.AGENT_TRACE_HTTP_API_KEY_HEADER;
    try {
      return new HttpExporter(options);
    } catch (error) {
      if (error instanceof AgentTraceError) {
        throw new AgentTraceError('E_CONFIG', `${error.message} (from AGENT_TRACE_HTTP_ENDPOINT / AGENT_TRACE_HTTP_API_KEY / AGENT_TRACE_HTTP_API_KEY_HEADER)`);
      }
      throw error;
    }
  }

  /** The counters so far. */
  get stats(): HttpExporterStats {
    return { ...this.counts, queued: this.queue.length - this.queueHead, inFlight: this.inFlight, breaker: this.breaker.state };
  }

  private emit(event: HttpExporterEvent): void {
    if (this.onEvent === undefined) return;
    try {
      this.onEvent(event);
    } catch (error) {
      reportDiagnostic('http-observer-threw', 'agent-trace: an HttpExporter onEvent callback threw; the exporter goes on.', error);
    }
  }

  /** Queues the records and returns at once; sending happens in the background. Never throws. */
  export(records: readonly TraceRecord[]): void {
    try {
      if (this.stopped) {
        this.drop(records.length, 'shutdown');
        return;
      }
      for (const record of records) {
        try {
          this.accept(record);
        } catch (error) {
          this.drop(1, 'unserializable');
          reportDiagnostic('http-export-failed', 'agent-trace: HttpExporter could not serialise a record; it was dropped.', error);
        }
      }
      this.kick();
    } catch (error) {
      reportDiagnostic('http-export-failed', 'agent-trace: HttpExporter could not queue a batch.', error);
    }
  }

  private accept(record: TraceRecord): void {
    switch (record.record_type) {
      case 'event':
        this.enqueue('/api/spans', () => ({ session_id: record.session_id, step_id: record.step_id, ...record.event }));
        break;
      case 'timestep':
      case 'message': {
        if (this.pendingCount >= this.o.maxPendingSessionRecords) {
          this.drop(1, 'pending-full');
          break;
        }
        let held = this.pending.get(record.session_id);
        if (held === undefined) this.pending.set(record.session_id, (held = { timesteps: [], messages: [] }));
        if (record.record_type === 'timestep') held.timesteps.push(record);
        else held.messages.push(record);
        this.pendingCount++;
        break;
      }
      case 'session':
        this.enqueueSession(record);
        break;
    }
  }

  private enqueueSession(record: SessionRecord): void {
    const id = record.session.session_id;
    const held = this.pending.get(id);
    this.pending.delete(id);
    if (held !== undefined) this.pendingCount -= held.timesteps.length + held.messages.length;
    const whole = record.session.session_time_steps.length > 0 || record.session.event_history.length > 0;
    this.enqueue('/api/traces', () =>
      whole || held === undefined ? record.session : assembleSessions([record, ...held.timesteps, ...held.messages])[0],
    );
  }

  private enqueue(path: Item['path'], build: () => unknown): void {
    if (this.queue.length - this.queueHead >= this.o.maxQueueSize || this.queueBytes >= this.o.maxQueueBytes) {
      this.drop(1, 'queue-full');
      return;
    }
    const json = JSON.stringify(build());
    this.queue.push({ path, json });
    this.queueBytes += json.length;
    if (this.droppingSince !== undefined && this.queue.length - this.queueHead < this.o.maxQueueSize / 2) {
      reportDiagnostic('http-export-dropped', `agent-trace: HttpExporter dropped ${this.counts.dropped - this.droppingSince} records while its queue was full; the trace service at ${this.endpoint} is catching up.`);
      this.droppingSince = undefined;
    }
  }

  private drop(items: number, reason: Extract<HttpExporterEvent, { type: 'dropped' }>['reason']): void {
    if (items <= 0) return;
    if (this.droppingSince === undefined && (reason === 'queue-full' || reason === 'pending-full')) {
      this.droppingSince = this.counts.dropped;
      reportDiagnostic('http-export-dropped', `agent-trace: HttpExporter queue is full (${this.o.maxQueueSize} items / ${this.o.maxQueueBytes} bytes); dropping records until the trace service at ${this.endpoint} catches up.`);
    }
    this.counts.dropped += items;
    this.emit({ type: 'dropped', items, reason });
  }

  private kick(): void {
    if (this.pumping !== undefined || this.queue.length === this.queueHead) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (!this.stopController.signal.aborted && this.queue.length > this.queueHead) this.kick();
    });
  }

  private takeBatch(): Item[] {
    const path = this.queue[this.queueHead].path;
    const batch: Item[] = [];
    while (this.queueHead < this.queue.length && batch.length < this.o.maxBatchSize && this.queue[this.queueHead].path === path) {
      const item = this.queue[this.queueHead++];
      this.queueBytes -= item.json.length;
      batch.push(item);
    }
    // Compact now and then so the array does not keep sent items alive.
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
    return batch;
  }

  private async pump(): Promise<void> {
    try {
      while (this.queueHead < this.queue.length && !this.stopController.signal.aborted) {
        const batch = this.takeBatch();
        this.inFlight = batch.length;
        try {
          await this.sendWithRetries(batch);
        } finally {
          this.inFlight = 0;
        }
      }
    } catch (error) {
      reportDiagnostic('http-export-failed', 'agent-trace: HttpExporter hit an unexpected error; the batch was dropped.', error);
    }
  }

  private async sendWithRetries(batch: Item[]): Promise<void> {
    const path = batch[0].path;
    const key = path === '/api/spans' ? 'spans' : 'traces';
    const body = `{"schema_version":${JSON.stringify(SCHEMA_VERSION)},"${key}":[${batch.map((item) => item.json).join(',')}]}`;
    for (let attempt = 0; ; attempt++) {
      await this.sleep(this.breaker.waitMs());
      if (this.stopController.signal.aborted) return this.drop(batch.length, 'shutdown');
      this.breaker.beforeRequest();
      const outcome = await this.post(path, body, batch.length, attempt);
      if (outcome.ok) {
        this.breaker.success();
        this.counts.sent += batch.length;
        return;
      }
      if (this.stopController.signal.aborted) return this.drop(batch.length, 'shutdown');
      this.counts.failedRequests++;
      if (!outcome.retryable) {
        // The service is up and said no (e.g. 400, 401, 413): retrying would not help.
        this.breaker.success();
        reportDiagnostic('http-export-rejected', `agent-trace: the trace service rejected ${batch.length} items at ${path} with HTTP ${outcome.status}: ${outcome.message}. Check the endpoint and API key.`);
        return this.drop(batch.length, 'rejected');
      }
      this.breaker.failure();
      if (attempt >= this.o.maxRetries) {
        reportDiagnostic('http-export-failed', `agent-trace: HttpExporter gave up on ${batch.length} items after ${attempt + 1} attempts: ${outcome.message}.`);
        return this.drop(batch.length, 'retries-exhausted');
      }
      const retryAfterMs = outcome.retryAfterMs === undefined ? undefined : Math.min(outcome.retryAfterMs, this.o.maxRetryAfterMs);
      const delayMs = retryAfterMs ?? backoffDelay(attempt, { initialMs: this.o.initialBackoffMs, maxMs: this.o.maxBackoffMs, random: this.o.random });
      this.counts.retries++;
      this.emit({ type: 'retry', path, attempt: attempt + 1, delayMs, retryAfterMs });
      await this.sleep(delayMs);
    }
  }

  private async post(path: string, body: string, items: number, attempt: number): Promise<Outcome> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.o.exportTimeoutMs);
    timer.unref?.();
    const signal = AbortSignal.any([timeout.signal, this.stopController.signal]);
    this.emit({ type: 'request', path, items, attempt });
    try {
      const response = await fetch(this.endpoint + path, { method: 'POST', headers: this.headers, body, signal });
      // Read the body (under the same timeout) so the connection can be reused.
      const text = await response.text().catch(() => '');
      this.emit({ type: 'response', path, status: response.status, attempt });
      if (response.ok) return { ok: true };
      return {
        ok: false,
        status: response.status,
        retryable: isRetryableStatus(response.status),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        message: `HTTP ${response.status} ${text.slice(0, 200)}`.trim(),
      };
    } catch (error) {
      const timedOut = timeout.signal.aborted;
      const message = timedOut ? `no response within ${this.o.exportTimeoutMs} ms` : describe(error);
      if (!this.stopController.signal.aborted) this.emit({ type: 'request-failed', path, reason: timedOut ? 'timeout' : 'connection', attempt, message });
      return { ok: false, retryable: true, message };
    } finally {
      clearTimeout(timer);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopController.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const signal = this.stopController.signal;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private async drain(deadlineMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs);
      timer.unref?.();
    });
    try {
      while (this.pumping !== undefined) {
        const done = await Promise.race([this.pumping.then(() => true), deadline]);
        if (!done) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits (up to `shutdownTimeoutMs`) until everything queued so far was sent or given up on. */
  async forceFlush(): Promise<void> {
    try {
      this.kick();
      await this.drain(this.o.shutdownTimeoutMs);
    } catch (error) {
      reportDiagnostic('http-export-failed', 'agent-trace: HttpExporter flush failed.', error);
    }
  }

  /**
   * Sends what is queued (sessions still open go as incomplete traces), waiting at most
   * `shutdownTimeoutMs`; then aborts the request in flight and drops (and reports) the rest.
   */
  async shutdown(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const [sessionId, held] of this.pending) {
        this.enqueue('/api/traces', () => assembleSessions([...held.timesteps, ...held.messages]).find((s) => s.session_id === sessionId));
      }
      this.pending.clear();
      this.pendingCount = 0;
      this.stopped = true;
      this.kick();
      const drained = await this.drain(this.o.shutdownTimeoutMs);
      if (!drained) {
        this.stopController.abort();
        await this.pumping?.catch(() => undefined);
      }
      const left = this.queue.length - this.queueHead;
      this.queue.length = 0;
      this.queueHead = 0;
      this.queueBytes = 0;
      if (left > 0) this.drop(left, 'shutdown');
      if (this.counts.dropped > 0) {
        reportDiagnostic('http-export-dropped', `agent-trace: HttpExporter shut down having dropped ${this.counts.dropped} items in total (sent ${this.counts.sent}).`);
      }
    } catch (error) {
      reportDiagnostic('http-export-failed', 'agent-trace: HttpExporter shutdown failed.', error);
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? `${(cause as { code?: string }).code ?? cause.name}: ${cause.message}` : '';
  return detail ? `${error.message} (${detail})` : error.message;
}
