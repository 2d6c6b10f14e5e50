import { readFileSync } from 'node:fs';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { QueueName } from '#lib/queue/queue-names';
import { FAKE_PAYMENT_GATEWAY, SUBGRAPHS, WORKERS } from '#system/topology';
import { KUBERNETES_DIR, OVERLAYS, objectId, renderOverlay, type KubeObject } from './render-overlay.ts';
import { validateObjects } from './validate-objects.ts';
import { ingressSources, selects, workloadsOf, type Workload } from './workloads.ts';

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[] }>;
};
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|_KEYS?$|DATABASE_URL|REDIS_URL|SMTP_URL/;
/** The queue each worker consumes (lib/queue/queue-names.ts). */
const WORKER_QUEUES: Record<string, string> = {
  catalog: QueueName.CatalogAvailability,
  inventory: QueueName.Inventory,
  orders: QueueName.OrdersSaga,
  payments: QueueName.Payments,
  notifications: QueueName.NotificationsEmail,
};
const MONITORING = 'namespace:{"matchLabels":{"kubernetes.io/metadata.name":"monitoring"}}';

const containersOf = (workload: Workload): IContainer[] => [
  ...(workload.pod.initContainers ?? []),
  ...workload.pod.containers,
];
const ofKind = <T>(objects: readonly KubeObject[], kind: string) =>
  objects.filter((object) => object.kind === kind) as unknown as (T & KubeObject)[];

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = renderOverlay(overlay);
  const workloads = workloadsOf(objects);
  const workload = (name: string) => {
    const found = workloads.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no workload ${name} in ${overlay}`);
    return found;
  };
  const appNames = ['router', ...SUBGRAPHS.map(({ name }) => name), ...WORKERS.map(({ name }) => name)];

  it('matches the Kubernetes and KEDA API schemas, object by object', () => {
    expect(validateObjects(objects)).toEqual([]);
  });

  it("runs the router, every subgraph and worker of the registry with docker-compose.yml's commands and ports", () => {
    const expected = [
      { name: 'router', port: 4000 },
      ...SUBGRAPHS.map(({ name, defaultPort }) => ({ name, port: defaultPort })),
      ...WORKERS.map(({ name, defaultPort }) => ({ name, port: defaultPort })),
      ...(overlay === 'dev' ? [{ name: FAKE_PAYMENT_GATEWAY.name, port: FAKE_PAYMENT_GATEWAY.defaultPort }] : []),
    ];
    for (const { name, port } of expected) {
      const [container] = workload(name).pod.containers;
      expect(container?.command, name).toEqual(compose.services[name]?.command);
      expect(container?.ports, name).toEqual([{ name: 'http', containerPort: port }]);
    }
    const deployments = ofKind(objects, 'Deployment').map(({ metadata }) => metadata.name);
    expect(deployments.sort()).toEqual(expected.map(({ name }) => name).sort());
  });

  it('gives every container requests and limits and a locked-down security context, and every process probes', () => {
    const problems: string[] = [];
    for (const each of workloads) {
      if (!each.pod.securityContext?.runAsNonRoot) problems.push(`${each.name}: pod may run as root`);
      if (each.pod.automountServiceAccountToken !== false) problems.push(`${each.name}: mounts an API token`);
      for (const container of containersOf(each)) {
        const at = `${each.name}/${container.name}`;
        for (const bound of ['requests', 'limits'] as const) {
          for (const resource of ['cpu', 'memory']) {
            if (!container.resources?.[bound]?.[resource]) problems.push(`${at}: no ${resource} ${bound}`);
          }
        }
        const security = container.securityContext;
        if (security?.allowPrivilegeEscalation !== false) problems.push(`${at}: privilege escalation`);
        if (security?.readOnlyRootFilesystem !== true) problems.push(`${at}: writable root filesystem`);
        if (!security?.capabilities?.drop?.includes('ALL')) problems.push(`${at}: keeps capabilities`);
      }
      for (const container of each.pod.containers) {
        if (!container.livenessProbe) problems.push(`${each.name}/${container.name}: no liveness probe`);
        if (!container.readinessProbe) problems.push(`${each.name}/${container.name}: no readiness probe`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('probes the health routes of every process of the project', () => {
    for (const name of appNames) {
      const [container] = workload(name).pod.containers;
      expect(container?.livenessProbe?.httpGet?.path, name).toBe('/health/live');
      expect(container?.readinessProbe?.httpGet?.path, name).toBe('/health/ready');
    }
  });

  it('has a PodDisruptionBudget for every workload', () => {
    const budgets = ofKind<{ spec: { selector: Parameters<typeof selects>[0] } }>(objects, 'PodDisruptionBudget');
    const uncovered = workloads
      .filter(({ podLabels }) => !budgets.some(({ spec }) => selects(spec.selector, podLabels)))
      .map(({ name }) => name);
    expect(uncovered).toEqual([]);
  });

  it("migrates each subgraph's and worker's database in an init container before the process starts", () => {
    const migrating = [
      ...SUBGRAPHS.map(({ name }) => ({ name, domain: name })),
      ...WORKERS.map(({ name, domain }) => ({ name, domain })),
    ];
    for (const { name, domain } of migrating) {
      const [migrate] = workload(name).pod.initContainers ?? [];
      expect(migrate?.command, name).toEqual(
        expect.arrayContaining(['migrate', 'deploy', `prisma/${domain}/prisma.config.ts`]),
      );
      expect(
        migrate?.env?.map((variable) => variable.name),
        name,
      ).toEqual([`${domain.toUpperCase()}_DATABASE_URL`]);
    }
  });

  it('lets only the router be reached from outside the namespace', () => {
    const policies = ofKind<INetworkPolicy>(objects, 'NetworkPolicy');
    for (const each of workloads) {
      const external = [...ingressSources(each, policies, workloads)].filter(
        (source) => source === 'anywhere' || source.includes(':'),
      );
      if (each.name === 'router') expect(external).toEqual(['anywhere']);
      else if (each.podLabels['app.kubernetes.io/component'] === 'subgraph' || each.name.endsWith('-worker')) {
        // Prometheus scrapes /metrics from the monitoring namespace, and feeds the worker autoscaling.
        expect(external, each.name).toEqual([MONITORING]);
      } else expect(external, each.name).toEqual([]);
    }
    const exposed = ofKind<{ spec: { type?: string } }>(objects, 'Service').filter(
      ({ spec }) => (spec.type ?? 'ClusterIP') !== 'ClusterIP',
    );
    expect(exposed.map(objectId)).toEqual([]);
  });

  it('admits inside the namespace only the calls the code makes', () => {
    const policies = ofKind<INetworkPolicy>(objects, 'NetworkPolicy');
    const admitted = Object.fromEntries(
      workloads.map((each) => [
        each.name,
        [...ingressSources(each, policies, workloads)].filter((source) => !source.includes(':')).sort(),
      ]),
    );
    const subgraphs = SUBGRAPHS.map(({ name }) => name);
    const workers = WORKERS.map(({ name }) => name);
    const expected: Record<string, string[]> = {
      router: ['anywhere'],
      ...Object.fromEntries(subgraphs.map((name) => [name, ['router']])),
      ...Object.fromEntries(workers.map((name) => [name, []])),
      catalog: ['orders', 'router'],
      accounts: ['notifications-worker', 'router'],
    };
    if (overlay === 'dev') {
      expected['payment-gateway'] = ['payments-worker'];
      expected['postgres'] = [...subgraphs, ...workers].sort();
      expected['redis'] = ['orders', 'router', ...workers].sort();
    }
    expect(admitted).toEqual(expected);
  });

  it('writes no secret value in a manifest: secrets come from the Secret, by reference', () => {
    for (const each of workloads) {
      for (const container of containersOf(each)) {
        const literal = (container.env ?? []).filter(
          ({ name, value }) => SECRET_NAME.test(name) && value !== undefined,
        );
        expect(literal, `${each.name}/${container.name}`).toEqual([]);
        for (const { secretRef } of container.envFrom ?? []) expect(secretRef, each.name).toBeUndefined();
      }
    }
    for (const { data } of ofKind<{ data?: Record<string, string> }>(objects, 'ConfigMap')) {
      expect(Object.keys(data ?? {}).filter((key) => SECRET_NAME.test(key))).toEqual([]);
    }
    const secrets = ofKind<{ data?: Record<string, string> }>(objects, 'Secret');
    if (overlay === 'production') expect(secrets).toEqual([]);
    for (const { data } of secrets) {
      for (const [key, encoded] of Object.entries(data ?? {})) {
        const value = Buffer.from(encoded, 'base64').toString();
        // Only development-only values, as in docker-compose.yml; Redis in the dev cluster has no password.
        if (!value.includes('development-only')) expect(value, key).toBe('redis://redis:6379');
      }
    }
  });

  it('references only Secret keys that the Secret has (or the production template lists)', () => {
    const declared =
      overlay === 'production'
        ? [
            ...readFileSync(`${KUBERNETES_DIR}overlays/production/secrets.example.env`, 'utf8').matchAll(
              /^#?\s*([A-Z_]+)=/gm,
            ),
          ].map((match) => match[1]!)
        : Object.keys(ofKind<{ data: Record<string, string> }>(objects, 'Secret')[0]!.data);
    for (const each of workloads) {
      for (const container of containersOf(each)) {
        for (const { name, valueFrom } of container.env ?? []) {
          const ref = valueFrom?.secretKeyRef;
          if (ref && !ref.optional) expect(declared, `${each.name}: ${name}`).toContain(ref.key);
          if (ref && overlay === 'production') expect(declared, `${each.name}: ${name}`).toContain(ref.key);
        }
      }
    }
  });

  it('gives each process only its own database URL', () => {
    for (const name of appNames) {
      const [container] = workload(name).pod.containers;
      const urls = (container?.env ?? [])
        .map(({ name: variable }) => variable)
        .filter((v) => v.endsWith('_DATABASE_URL'));
      const domain = WORKERS.find((worker) => worker.name === name)?.domain ?? name;
      expect(urls, name).toEqual(name === 'router' ? [] : [`${domain.toUpperCase()}_DATABASE_URL`]);
    }
  });

  it('scales the router and every subgraph on CPU', () => {
    const autoscalers = ofKind<{
      spec: { scaleTargetRef: { kind: string; name: string }; metrics: { resource?: { name: string } }[] };
    }>(objects, 'HorizontalPodAutoscaler');
    const onCpu = autoscalers
      .filter(({ spec }) => spec.metrics.some((metric) => metric.resource?.name === 'cpu'))
      .map(({ spec }) => spec.scaleTargetRef.name);
    expect(onCpu.sort()).toEqual(['router', ...SUBGRAPHS.map(({ name }) => name)].sort());
  });

  it.runIf(overlay === 'production')('scales every worker on the depth of the queue it consumes', () => {
    const scaled = ofKind<{
      spec: { scaleTargetRef: { name: string }; triggers: { type: string; metadata: Record<string, string> }[] };
    }>(objects, 'ScaledObject');
    expect(scaled.map(({ spec }) => spec.scaleTargetRef.name).sort()).toEqual(WORKERS.map(({ name }) => name).sort());
    for (const { domain, name } of WORKERS) {
      const [trigger] = scaled.find(({ spec }) => spec.scaleTargetRef.name === name)!.spec.triggers;
      expect(trigger?.type).toBe('prometheus');
      expect(trigger?.metadata['query']).toContain(`bullmq_queue_jobs{queue="${WORKER_QUEUES[domain]}"`);
    }
  });
});
