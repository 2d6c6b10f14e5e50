import { ProxyTracerProvider, trace, type TracerProvider } from '@opentelemetry/api';

interface Flushable {
  forceFlush(): Promise<void>;
}

const isFlushable = (provider: TracerProvider): provider is TracerProvider & Flushable =>
  typeof (provider as Partial<Flushable>).forceFlush === 'function';

/**
 * Exports the spans still batched in memory; a process calls it before exiting so the spans of
 * its last requests are not lost. Does nothing when tracing is off.
 */
export async function flushTraces(): Promise<void> {
  const global = trace.getTracerProvider();
  const provider = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
  if (isFlushable(provider)) await provider.forceFlush();
}
