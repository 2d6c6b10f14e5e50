import type { Express } from 'express';
import type { Registry } from 'prom-client';
import { createLogger, type Logger } from '../logger.ts';
import { createMetrics } from '../metrics/create-metrics.ts';
import { createPrismaClient, type ClientConstructor } from '../prisma.ts';
import { createProducer, type Producer } from '../queue/create-producer.ts';
import type { QueueName } from '../queue/queue-names.ts';
import { startWorker, workerIdentity, type Processors } from '../queue/start-worker.ts';
import { databaseReadiness, type Queryable } from '../subgraph/database-readiness.ts';
import { serveWorkerProcess } from './serve-worker-process.ts';
import type { WorkerConfig } from './worker-config.ts';

interface WorkerPrisma extends Queryable {
  $disconnect(): Promise<void>;
}

/** What a domain worker's pieces are built from. */
export interface WorkerParts<TPrisma, TProduces extends Record<string, QueueName>> {
  prisma: TPrisma;
  /** One producer per queue named in `produces`, under the same key. */
  producers: { [K in keyof TProduces]: Producer<TProduces[K]> };
  logger: Logger;
  metrics: Registry;
}

/** What else runs in a worker process beside its consumer (the outbox relay, a schedule, a dashboard). */
export interface WorkerExtras {
  /** Mounted on the ops server, beside the health routes and /metrics. */
  mount?: (app: Express) => void;
  /** Run on shutdown once the consumer has finished its jobs, before the producers and the database close. */
  stop?: readonly (() => Promise<void>)[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any constructor arguments: a generated client's are generic
type AnyClientConstructor = new (...args: any[]) => WorkerPrisma;

export interface DomainWorkerOptions<
  Q extends QueueName,
  TClient extends AnyClientConstructor,
  TProduces extends Record<string, QueueName>,
> {
  /** The process's name in logs and metrics (`payments-worker`). */
  name: string;
  config: WorkerConfig;
  /** The domain's generated client: a worker changes its own domain's database only. */
  PrismaClient: TClient & ClientConstructor<InstanceType<TClient>>;
  /** The queue this worker consumes. */
  queue: Q;
  /** The queues it adds jobs to, by the name its processors use (`{ saga: QueueName.OrdersSaga }`). */
  produces: TProduces;
  /** One processor per job type of the queue. */
  processors: (parts: WorkerParts<InstanceType<TClient>, NoInfer<TProduces>>) => Processors<Q>;
  /** At most `max` jobs per `duration` ms across every worker of the queue. */
  limiter?: { max: number; duration: number };
  extras?: (parts: WorkerParts<InstanceType<TClient>, NoInfer<TProduces>>) => WorkerExtras | Promise<WorkerExtras>;
}

/**
 * Starts a domain worker process: its logger, metrics, database client and producers, the
 * consumer of its queue, and the ops server (health on the database, /metrics); on SIGTERM it
 * stops taking jobs, lets the running ones finish, then closes extras, producers and the database.
 */
export async function startDomainWorker<
  Q extends QueueName,
  TClient extends AnyClientConstructor,
  TProduces extends Record<string, QueueName>,
>(options: DomainWorkerOptions<Q, TClient, TProduces>): Promise<void> {
  const { config, name } = options;
  const logger = createLogger({ name, level: config.logLevel });
  const metrics = createMetrics(name);
  const prisma = createPrismaClient(options.PrismaClient, config.database, { logger, metrics });
  const producers = Object.fromEntries(
    Object.entries(options.produces).map(([key, queue]) => [key, createProducer(queue, config.queues, logger)]),
  ) as WorkerParts<InstanceType<TClient>, TProduces>['producers'];
  const parts = { prisma, producers, logger, metrics };
  const extras = (await options.extras?.(parts)) ?? {};
  const worker = startWorker({
    metrics,
    queue: options.queue,
    name: workerIdentity(name),
    settings: config.queues,
    concurrency: config.concurrency,
    logger,
    processors: options.processors(parts),
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
  await serveWorkerProcess({
    metrics,
    logger,
    host: config.host,
    port: config.port,
    readiness: databaseReadiness(prisma),
    ...(extras.mount ? { mount: extras.mount } : {}),
    shutdown: [
      worker.close,
      ...(extras.stop ?? []),
      ...Object.values<Producer<QueueName>>(producers).map((producer) => producer.close),
      () => prisma.$disconnect(),
    ],
  });
}
