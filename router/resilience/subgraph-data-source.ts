import { STATUS_CODES } from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Logger } from '#lib/logger';
import { ROUTER_IDENTITY_HEADER } from '#lib/auth/router-identity';
import { ErrorCode } from '#lib/errors';
import { DEADLINE_HEADER } from '#lib/resilience/deadline';
import type { RouterContext } from '../context.ts';
import type { SubgraphFetchMetrics } from '../metrics/subgraph-fetch-metrics.ts';
import { describeFailure, type SubgraphGuards } from './subgraph-guards.ts';
import { SubgraphDeadlineError } from './subgraph-fetch-error.ts';
import { unavailableResponse, type SubgraphResponse } from './unavailable-response.ts';
import {
  createSubgraphHttpClient,
  type SubgraphHttpClient,
  type SubgraphHttpResponse,
} from './subgraph-http-client.ts';
import { restrictCachePolicy } from './cache-policy.ts';
import { createInFlightCalls } from './in-flight-calls.ts';
import { copyJson } from './copy-json.ts';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  guards: SubgraphGuards;
  maxResponseBytes: number;
  timeoutMs: number;
  logger: Logger;
  metrics: SubgraphFetchMetrics;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<RouterContext>;
type GraphQLResponse = Awaited<SubgraphResponse>;

interface Answer {
  response: GraphQLResponse;
  cacheControl: string | undefined;
}

/** A caller that shared a call gets its own copy of the parsed body: cheaper than parsing it again. */
const copyAnswer = (answer: Answer): Answer => ({ ...answer, response: copyJson(answer.response) });

// The gateway writes every subgraph operation with its keyword first ("mutation Op__x__0 ...").
const isMutation = (query: string | undefined) => /^\s*mutation\b/.test(query ?? '');

const isJson = (contentType: string | string[] | undefined) =>
  typeof contentType === 'string' &&
  (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json'));

/** The body as RemoteGraphQLDataSource reads it: JSON when labelled so (a SyntaxError if it is not), else text. */
const parseBody = ({ headers, body }: SubgraphHttpResponse): unknown =>
  isJson(headers['content-type']) ? JSON.parse(body) : body;

/**
 * Calls one subgraph for the gateway: carries the request id, identity and what is left of the
 * operation's deadline, and runs every call under the subgraph's timeout (or the deadline, if
 * sooner), circuit breaker and retry policy. A call that fails for want of a usable answer does
 * not fail the operation: it becomes SUBGRAPH_UNAVAILABLE (or, out of time, DEADLINE_EXCEEDED)
 * errors on the fields that subgraph was to provide, and the gateway still returns what the others gave.
 *
 * Operations are sent as RemoteGraphQLDataSource sends them (the same body, the same errors for a
 * 4xx or a body that is not a JSON object, the same cache-control hints), over a pooled undici client.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly options: SubgraphDataSourceOptions;
  private readonly client: SubgraphHttpClient;
  private readonly inFlight = createInFlightCalls<Answer>(copyAnswer);

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.options = options;
    this.client = createSubgraphHttpClient(options.url, {
      maxResponseBytes: options.maxResponseBytes,
      timeoutMs: options.timeoutMs,
    });
  }

  override async process(options: ProcessOptions): SubgraphResponse {
    // Health checks and schema loading are not used with a static supergraph; let them through as is.
    if (!('incomingRequestContext' in options)) return super.process(options);
    const { name, guards, logger, metrics } = this.options;
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    const kind = isMutation(request.query) ? 'mutation' : 'query';
    const headers = this.headersFor(options);
    const payload = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    const deadline = 'deadline' in context ? context.deadline : Number.POSITIVE_INFINITY;
    const call = () => guards.run(name, kind, () => metrics.time(name, () => this.send(payload, headers, deadline)));
    try {
      // Identical queries for the same caller identity in flight at once make one call.
      const answer =
        kind === 'query'
          ? await this.inFlight.run(`${headers[ROUTER_IDENTITY_HEADER] ?? ''}\n${payload}`, call)
          : await call();
      restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, answer.cacheControl);
      return answer.response;
    } catch (error) {
      // A subgraph's own GraphQL error (a 4xx it answered) is its answer, not an outage.
      if (error instanceof GraphQLError) throw error;
      const reason = describeFailure(error);
      logger.warn({ err: error, subgraph: name, reason, requestId: context.requestId }, 'subgraph call failed');
      const code = error instanceof SubgraphDeadlineError ? ErrorCode.DeadlineExceeded : ErrorCode.SubgraphUnavailable;
      return unavailableResponse(name, reason, request, code);
    }
  }

  private headersFor({ request, context }: ProcessOptions): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [header, value] of request.http?.headers ?? []) headers[header] = value;
    headers['content-type'] = 'application/json';
    if ('requestId' in context) {
      // The caller's own token stays at the router: subgraphs get the identity the router verified.
      headers['x-request-id'] = context.requestId;
      headers[ROUTER_IDENTITY_HEADER] = context.identityToken;
    }
    return headers;
  }

  /**
   * One attempt with what is left of the operation's deadline, which the subgraph is told
   * (`x-deadline-ms`) so it stops its own work when the router stops waiting.
   */
  private async send(payload: string, headers: Record<string, string>, deadline: number): Promise<Answer> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new SubgraphDeadlineError();
    headers[DEADLINE_HEADER] = String(remaining);
    const answer = await this.client.post(payload, headers, remaining);
    if (answer.status < 200 || answer.status > 299) throw this.errorFrom(answer);
    const body = parseBody(answer);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    }
    const cacheControl = answer.headers['cache-control'];
    return {
      response: body as GraphQLResponse,
      cacheControl: typeof cacheControl === 'string' ? cacheControl : undefined,
    };
  }

  /** The GraphQLError RemoteGraphQLDataSource makes of a non-2xx answer. */
  private errorFrom(answer: SubgraphHttpResponse): GraphQLError {
    const statusText = STATUS_CODES[answer.status] ?? '';
    const code = answer.status === 401 ? 'UNAUTHENTICATED' : answer.status === 403 ? 'FORBIDDEN' : undefined;
    return new GraphQLError(`${answer.status}: ${statusText}`, {
      extensions: {
        response: { url: this.options.url, status: answer.status, statusText, body: parseBody(answer) },
        ...(code ? { code } : {}),
      },
    });
  }
}
