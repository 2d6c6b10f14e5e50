import type { IContainer } from 'kubernetes-models/v1/Container';
import { describe, expect, it } from 'vitest';
import { loadRouterConfig } from '../../router/config.ts';
import { loadAccountsConfig } from '#subgraphs/accounts/config';
import { loadCatalogConfig } from '#subgraphs/catalog/config';
import { loadInventoryConfig } from '#subgraphs/inventory/config';
import { loadInventoryWorkerConfig } from '#subgraphs/inventory/worker/config';
import { loadNotificationsConfig } from '#subgraphs/notifications/config';
import { loadNotificationsWorkerConfig } from '#subgraphs/notifications/worker/config';
import { loadOrdersConfig } from '#subgraphs/orders/config';
import { loadOrdersWorkerConfig } from '#subgraphs/orders/worker/config';
import { loadPaymentsConfig } from '#subgraphs/payments/config';
import { loadPaymentsWorkerConfig } from '#subgraphs/payments/worker/config';
import { SUBGRAPHS } from '#system/topology';
import { OVERLAYS, renderOverlay, type KubeObject, type Overlay } from './render-overlay.ts';
import { workloadsOf } from './workloads.ts';

type Env = Record<string, string | undefined>;
interface ProcessConfig {
  host: string;
  port: number;
}

/** Each process's own config loader: the one its main.ts calls, which refuses a bad environment. */
const LOADERS: Record<string, (env: Env) => ProcessConfig> = {
  router: loadRouterConfig,
  accounts: loadAccountsConfig,
  catalog: loadCatalogConfig,
  inventory: loadInventoryConfig,
  orders: loadOrdersConfig,
  payments: loadPaymentsConfig,
  notifications: loadNotificationsConfig,
  'inventory-worker': loadInventoryWorkerConfig,
  'orders-worker': loadOrdersWorkerConfig,
  'payments-worker': loadPaymentsWorkerConfig,
  'notifications-worker': loadNotificationsWorkerConfig,
};

/** What an operator puts in the production Secret (made-up values of the right shape). */
const PRODUCTION_SECRETS: Record<string, string> = {
  JWT_SECRET: 'k8s-test-access-token-secret-0123456789abcdef',
  ROUTER_SIGNING_SECRET: 'k8s-test-router-signing-secret-0123456789abcdef',
  REDIS_URL: 'rediss://default:password@redis.example.internal:6380',
  SMTP_URL: 'smtps://mailer:password@smtp.example.internal:465',
  ...Object.fromEntries(
    SUBGRAPHS.map(({ name, envPrefix }) => [
      `${envPrefix}_DATABASE_URL`,
      `postgresql://${name}:password@db.example.internal:5432/commerce_${name}`,
    ]),
  ),
};

function secretValues(overlay: Overlay, objects: readonly KubeObject[]): Record<string, string> {
  if (overlay === 'production') return PRODUCTION_SECRETS;
  const secret = objects.find((object) => object.kind === 'Secret') as { data: Record<string, string> } | undefined;
  return Object.fromEntries(
    Object.entries(secret?.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString()]),
  );
}

/** The environment Kubernetes gives the container: its ConfigMaps whole, then its own variables. */
function containerEnv(container: IContainer, objects: readonly KubeObject[], secrets: Record<string, string>): Env {
  const configMap = (name: string) =>
    (objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === name) as
      { data: Record<string, string> } | undefined) ?? { data: {} };
  const env: Env = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, configMap(source.configMapRef.name!).data);
  }
  for (const { name, value, valueFrom } of container.env ?? []) {
    const ref = valueFrom?.secretKeyRef;
    if (value !== undefined) env[name] = value;
    else if (ref && ref.key in secrets) env[name] = secrets[ref.key];
    else if (!ref?.optional) throw new Error(`${container.name}: ${name} has no value`);
  }
  return env;
}

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = renderOverlay(overlay);
  const workloads = workloadsOf(objects);
  const secrets = secretValues(overlay, objects);

  it.each(Object.keys(LOADERS))('gives %s an environment its config accepts, on its port', (name) => {
    const container = workloads.find((workload) => workload.name === name)!.pod.containers[0]!;
    const config = LOADERS[name]!(containerEnv(container, objects, secrets));
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(container.ports?.[0]?.containerPort);
  });

  it('points every caller at the Services of the namespace', () => {
    const envOf = (name: string) =>
      containerEnv(workloads.find((workload) => workload.name === name)!.pod.containers[0]!, objects, secrets);
    expect(loadRouterConfig(envOf('router')).subgraphUrls).toEqual(
      Object.fromEntries(SUBGRAPHS.map(({ name, defaultPort }) => [name, `http://${name}:${defaultPort}/graphql`])),
    );
    expect(loadOrdersConfig(envOf('orders')).catalog.url).toBe('http://catalog:4002/graphql');
    expect(loadNotificationsWorkerConfig(envOf('notifications-worker')).accountsUrl).toBe(
      'http://accounts:4001/graphql',
    );
    const gateway = loadPaymentsWorkerConfig(envOf('payments-worker')).gateway.url;
    expect(gateway).toBe(overlay === 'dev' ? 'http://payment-gateway:4090' : 'https://payment-gateway.example.com');
    expect(loadNotificationsConfig(envOf('notifications')).delivery.kind).toBe(
      overlay === 'production' ? 'smtp' : 'capture',
    );
  });
});
