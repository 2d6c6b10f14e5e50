import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express, { type Request, type RequestHandler } from 'express';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Registry } from 'prom-client';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics-plugin.ts';
import { httpMetricsMiddleware } from '../metrics/http-metrics.ts';
import { withLogFields } from '../log-context.ts';
import { operationNameOf } from './operation-name.ts';
import type { Logger } from '../logger.ts';
import { createFormatError } from '../graphql/format-error.ts';
import { mountHealthRoutes, type ReadinessCheck } from './health-routes.ts';
import type { ServerSettings } from './server-settings.ts';
import { jsonErrorHandler } from './json-error-handler.ts';
import { requestIdFrom } from './request-id.ts';
import { persistedQueryCheck } from './request-body-checks.ts';
import { refuseMalformedRequests } from './client-errors.ts';
import { operationSelectionPlugin } from '../graphql/operation-selection-plugin.ts';
import { inputValuesPlugin } from '../graphql/input-values-plugin.ts';

export interface RequestInfo {
  req: Request;
  requestId: string;
}

export interface GraphQLServerOptions<TContext extends BaseContext> {
  logger: Logger;
  host: string;
  port: number;
  /** Paths that answer GraphQL requests (and, where enabled, show the landing page). */
  paths: string[];
  /** Everything ApolloServer takes but the drain plugin and error formatting, which this adds. */
  apollo: ApolloServerOptions<TContext>;
  context: (request: RequestInfo) => Promise<TContext>;
  readiness: ReadinessCheck;
  /** HTTP timeouts against slow clients, and how long to keep serving once draining began. */
  server: ServerSettings;
  /** The process's Prometheus registry, served at /metrics. */
  metrics: Registry;
  /** Largest JSON body accepted before parsing; larger bodies get 413 without being read. */
  bodyLimit?: string;
  /** Express middleware run on GraphQL paths after body parsing, before Apollo (limits, rate limits). */
  middleware?: RequestHandler[];
  /**
   * Express's `trust proxy` setting: which proxies' `X-Forwarded-For` entries to believe, so
   * `req.ip` is the client's address behind a load balancer (a hop count, or addresses and subnets).
   * Off by default: `req.ip` is the connecting peer.
   */
  trustProxy?: boolean | number | string | string[];
}

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Turns readiness to 503 at once, keeps serving for the drain delay (so load balancers stop
   * sending new requests), then stops accepting connections, lets in-flight operations finish
   * and resolves.
   */
  stop(): Promise<void>;
}

const REQUEST_ID_HEADER = 'x-request-id';
const OPS_ROUTES = ['/metrics', '/health/live', '/health/ready'];

/**
 * Assembles the HTTP side every GraphQL process shares: JSON body parsing with a size limit,
 * request ids, liveness and readiness routes, Prometheus metrics at /metrics, Apollo Server with draining shutdown, and masked
 * unexpected errors. Returns once the port is bound, reporting the port actually bound.
 */
export async function startGraphQLServer<TContext extends BaseContext>(
  options: GraphQLServerOptions<TContext>,
): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: Express would hash every answer (tens of KB through the router) for a validator no
  // client uses. GraphQL answers are POSTs, which browsers and CDNs never revalidate; caching is
  // Cache-Control (and the router's response cache), which does not depend on it.
  app.set('etag', false);
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  const httpServer = http.createServer(
    {
      headersTimeout: options.server.headersTimeoutMs,
      requestTimeout: options.server.requestTimeoutMs,
      keepAliveTimeout: options.server.keepAliveTimeoutMs,
    },
    app,
  );
  refuseMalformedRequests(httpServer);

  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    logger: options.logger,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (stopOnSignals): Apollo's own SIGTERM handler, on outside tests, races it
    // and re-raises the signal, which left the process waiting out the whole grace period.
    stopOnTerminationSignals: false,
    formatError: createFormatError(options.logger),
    plugins: [
      // First, so a request without one operation to run or with bad input goes no further.
      operationSelectionPlugin(),
      inputValuesPlugin(),
      ...(options.apollo.plugins ?? []),
      graphqlMetricsPlugin(options.metrics),
      // Shorter than stopOnSignals' 10 s grace: a client that never closes its keep-alive connection
      // is cut off after 8 s, leaving time to close pools, so the process still exits cleanly.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 8_000 }),
    ],
  } as ApolloServerOptions<TContext>);
  await apollo.start();

  app.use(httpMetricsMiddleware(options.metrics, [...options.paths, ...OPS_ROUTES]));
  const health = mountHealthRoutes(app, options.readiness);
  app.get('/metrics', async (_req, res) => {
    res.type(options.metrics.contentType).send(await options.metrics.metrics());
  });
  app.use(options.paths, express.json({ limit: options.bodyLimit ?? '1mb' }), (req, res, next) => {
    const requestId = requestIdFrom(req.header(REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.locals['requestId'] = requestId;
    // Everything that logs while this request is handled, Apollo and the gateway included, adds these.
    const operation = operationNameOf(req.body);
    withLogFields({ requestId, ...(operation ? { operation } : {}) }, next);
  });
  app.use(options.paths, persistedQueryCheck());
  if (options.middleware?.length) app.use(options.paths, ...options.middleware);
  app.use(
    options.paths,
    expressMiddleware(apollo, {
      context: ({ req, res }) => options.context({ req, requestId: String(res.locals['requestId']) }),
    }),
  );
  app.use(jsonErrorHandler(options.logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host}:${port}${options.paths[0] ?? '/'}`;
  options.logger.info({ port, url }, 'listening');
  // A supervising parent (npm start, the test harness) learns the bound port over IPC, not from logs.
  process.send?.({ event: 'listening', port });
  return {
    url,
    port,
    stop: async () => {
      health.startDraining();
      options.logger.info({ drainDelayMs: options.server.drainDelayMs }, 'draining: readiness answers 503');
      await sleep(options.server.drainDelayMs);
      await apollo.stop();
    },
  };
}
