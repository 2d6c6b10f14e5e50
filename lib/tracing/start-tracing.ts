import type { IncomingMessage } from 'node:http';
import { NodeSDK } from '@opentelemetry/sdk-node';
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
 * Starts the OpenTelemetry SDK with the instrumentations this system's processes need: incoming
 * and outgoing HTTP (node:http for servers and the gateway's node-fetch, undici for global
 * `fetch`), Express, GraphQL execution, SQL through pg and Prisma, and Redis through ioredis (which
 * BullMQ uses). W3C trace context is the SDK's default propagator, so every outgoing call carries
 * `traceparent` and every server continues the caller's trace.
 */
export function startTracing({ serviceName }: TracingSettings): NodeSDK {
  const sdk = new NodeSDK({
    serviceName,
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
