import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { currentLogFields } from '../log-context.ts';
import { captureTraceContext, processInTraceContext, runInTraceContext, withTraceContext } from './job-context.ts';

const exporter = new InMemorySpanExporter();

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  propagation.disable();
  context.disable();
});

const job = (data: unknown) => ({
  id: 'order-1-reserve',
  name: 'reserveStock',
  queueName: 'inventory',
  attemptsMade: 0,
  data,
});

describe('job trace context', () => {
  it('carries the producing span into the worker, which continues its trace as a child', async () => {
    const producer = trace.getTracer('test').startSpan('placeOrder');
    const data = context.with(trace.setSpan(context.active(), producer), () => withTraceContext({ orderId: 'o1' }));
    producer.end();
    expect(data.orderId).toBe('o1');
    expect(data.traceContext?.['traceparent']).toContain(producer.spanContext().traceId);

    // Through JSON, as BullMQ stores it in Redis.
    const stored = JSON.parse(JSON.stringify(data)) as unknown;
    const seen = await processInTraceContext(job(stored), async () => ({
      traceId: trace.getActiveSpan()?.spanContext().traceId,
      logFields: currentLogFields(),
    }));
    expect(seen.traceId).toBe(producer.spanContext().traceId);
    expect(seen.logFields).toEqual({ queue: 'inventory', jobName: 'reserveStock', jobId: 'order-1-reserve' });
    const consumer = exporter.getFinishedSpans().find((span) => span.name === 'process inventory reserveStock');
    expect(consumer?.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
  });

  it('continues a carrier stored elsewhere (an outbox row) when adding the job later', () => {
    const producer = trace.getTracer('test').startSpan('request');
    const carrier = context.with(trace.setSpan(context.active(), producer), captureTraceContext);
    producer.end();
    const relayed = runInTraceContext(carrier, () => withTraceContext({}));
    expect(relayed.traceContext?.['traceparent']).toContain(producer.spanContext().traceId);
  });

  it('adds nothing to job data when no span is active, keeping a carrier the data already has', () => {
    expect(withTraceContext({ orderId: 'o1' })).toEqual({ orderId: 'o1' });
    const carried = {
      orderId: 'o1',
      traceContext: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    };
    expect(withTraceContext(carried)).toBe(carried);
  });

  it('starts a new trace for a job without a carrier, or with a malformed one', async () => {
    for (const data of [{ orderId: 'o1' }, { traceContext: { traceparent: 'garbage' } }, null]) {
      const traceId = await processInTraceContext(job(data), async () => trace.getActiveSpan()?.spanContext().traceId);
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('records a failed job on its span and rethrows, so BullMQ still retries it', async () => {
    exporter.reset();
    await expect(
      processInTraceContext(job({}), async () => {
        throw new Error('provider down');
      }),
    ).rejects.toThrow('provider down');
    const [span] = exporter.getFinishedSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'provider down' });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });
});
