import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { createLogger } from './logger.ts';
import { withLogFields } from './log-context.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ name: 'test-service', level: 'info', destination }), lines };
}

describe('createLogger', () => {
  // What the tracing SDK installs in a service; without it the API keeps no active context.
  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());

  it('redacts secrets and personal data at the top level, one level down and in GraphQL inputs', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'hunter2',
        token: 'jwt',
        email: 'ann@example.com',
        user: { email: 'ann@example.com', name: 'Ann', id: 'u1' },
        headers: { authorization: 'Bearer x', 'x-router-identity': 'signed', accept: 'json' },
        variables: { input: { email: 'a@b.c', password: 'p', name: 'Ann', quantity: 2 } },
      },
      'something happened',
    );
    const line = lines[0]!;
    const serialized = JSON.stringify(line);
    for (const secret of ['hunter2', 'jwt', 'ann@example.com', 'Bearer x', 'signed', 'Ann', 'a@b.c']) {
      expect(serialized).not.toContain(secret);
    }
    expect(line['user']).toEqual({ email: '[redacted]', name: '[redacted]', id: 'u1' });
    expect(line['variables']).toEqual({
      input: { email: '[redacted]', password: '[redacted]', name: '[redacted]', quantity: 2 },
    });
    expect(line['headers']).toMatchObject({ accept: 'json' });
    expect(line['name']).toBe('test-service');
  });

  it('adds the unit of work in progress to every line, and nothing outside one', () => {
    const { logger, lines } = capture();
    withLogFields({ requestId: 'req-1', operation: 'Products' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'req-1', operation: 'Products', msg: 'inside' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('adds the active span as trace_id and span_id', () => {
    const { logger, lines } = capture();
    const span = trace.wrapSpanContext({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    });
    context.with(trace.setSpan(context.active(), span), () => logger.info('traced'));
    expect(lines[0]).toMatchObject({
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203331',
      trace_flags: '01',
    });
  });
});
