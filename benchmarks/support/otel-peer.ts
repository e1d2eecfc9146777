import { context, diag, DiagLogLevel, trace, type Tracer } from '@opentelemetry/api';
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';

/** A span exporter that does nothing but count: the peer's export side costs nothing, as ours. */
class CountingSpanExporter implements SpanExporter {
  spans = 0;
  export(spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    this.spans += spans.length;
    done({ code: 0 });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** OpenTelemetry set up as a user would: SDK tracer, BatchSpanProcessor, AsyncLocalStorage context. */
export interface OtelPeer {
  tracer: Tracer;
  /** Spans the no-op exporter received: equal to spans ended when nothing was dropped. */
  exported(): number;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
  /** Spans the BatchSpanProcessor reported as dropped (its queue was full). */
  dropped(): number;
  /** How the context manager was obtained. */
  contextManager: string;
  sdkVersion: string;
}

/**
 * Builds the peer: `@opentelemetry/sdk-trace-base` 2.x with a `BatchSpanProcessor` (default
 * limits) in front of a no-op exporter, and the AsyncLocalStorage context manager from
 * `@opentelemetry/context-async-hooks` (or what `NodeTracerProvider.register()` installs).
 */
export async function createOtelPeer(): Promise<OtelPeer> {
  const exporter = new CountingSpanExporter();
  // The processor reports drops as a warning ("Dropped N spans ..."): counted, so a run that measured
  // the cheaper dropping path is visible.
  let dropped = 0;
  const ignore = () => undefined;
  diag.setLogger(
    {
      error: ignore,
      info: ignore,
      debug: ignore,
      verbose: ignore,
      warn: (message: string) => {
        const m = /Dropped (\d+) spans/.exec(message);
        if (m) dropped += Number(m[1]);
      },
    },
    DiagLogLevel.WARN,
  );
  const processor = new BatchSpanProcessor(exporter);
  let provider: { getTracer(name: string): Tracer; forceFlush(): Promise<void>; shutdown(): Promise<void> };
  let contextManager: string;
  try {
    const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    provider = new BasicTracerProvider({ spanProcessors: [processor] });
    contextManager = 'AsyncLocalStorageContextManager (@opentelemetry/context-async-hooks)';
  } catch {
    const { NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
    const node = new NodeTracerProvider({ spanProcessors: [processor] });
    node.register();
    provider = node;
    contextManager = 'NodeTracerProvider.register()';
  }
  trace.setGlobalTracerProvider(provider as never);
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const sdkVersion = (require('@opentelemetry/sdk-trace-base/package.json') as { version: string }).version;
  return {
    tracer: provider.getTracer('agent-trace-bench'),
    exported: () => exporter.spans,
    dropped: () => dropped,
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
    contextManager,
    sdkVersion,
  };
}
