import type { IncomingMessage } from 'node:http';
import type { Context } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ParentBasedSampler, SamplingDecision, type Sampler } from '@opentelemetry/sdk-trace-base';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import type { TracingSettings } from './tracing-settings.ts';

/** Scrapes and probes would drown the traces of real traffic. */
const isHousekeeping = (request: IncomingMessage) =>
  request.url === '/metrics' || (request.url?.startsWith('/health/') ?? false);

/**
 * Drops a trace that would start with a Prisma span: pollers (the outbox relay, sweeps) query the
 * database outside any request or job, and would otherwise fill the tracing backend with
 * one-query traces every few milliseconds. Work that starts from a request or job is kept whole.
 */
const withoutDatabaseRoots: Sampler = {
  shouldSample: (_context: Context, _traceId: string, name: string) => ({
    decision: name.startsWith('prisma:') ? SamplingDecision.NOT_RECORD : SamplingDecision.RECORD_AND_SAMPLED,
  }),
  toString: () => 'WithoutDatabaseRoots',
};

/**
 * Starts the OpenTelemetry SDK with the instrumentations this system's processes need: incoming
 * and outgoing HTTP (node:http for servers and the gateway's node-fetch, undici for global
 * `fetch`), Express, GraphQL execution, SQL through pg and Prisma, and Redis through ioredis (which
 * BullMQ uses). W3C trace context is the SDK's default propagator, so every outgoing call carries
 * `traceparent` and every server continues the caller's trace.
 */
export function startTracing({ serviceName }: TracingSettings): NodeSDK {
  const sdk = new NodeSDK({
    serviceName,
    sampler: new ParentBasedSampler({ root: withoutDatabaseRoots }),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: isHousekeeping }),
      new UndiciInstrumentation(),
      new ExpressInstrumentation(),
      // One span per operation phase and per non-trivial resolver, not one per scalar field.
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new PrismaInstrumentation(),
    ],
  });
  sdk.start();
  return sdk;
}
