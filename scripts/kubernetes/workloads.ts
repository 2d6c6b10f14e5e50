import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { KubeObject } from './render-overlay.ts';

/** A Deployment's, StatefulSet's or Job's pod template, with the labels its pods carry. */
export interface Workload {
  kind: string;
  name: string;
  podLabels: Record<string, string>;
  pod: IPodSpec;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Job']);

interface PodTemplateOwner {
  spec?: { template?: { metadata?: { labels?: Record<string, string> }; spec?: IPodSpec } };
}

export function workloadsOf(objects: readonly KubeObject[]): Workload[] {
  return objects
    .filter((object) => WORKLOAD_KINDS.has(object.kind))
    .map((object) => {
      const template = (object as unknown as PodTemplateOwner).spec?.template;
      if (!template?.spec) throw new Error(`${object.kind}/${object.metadata.name} has no pod template`);
      return {
        kind: object.kind,
        name: object.metadata.name,
        podLabels: template.metadata?.labels ?? {},
        pod: template.spec,
      };
    });
}

/** Label selector semantics (matchLabels and matchExpressions, ANDed), as the API server applies them. */
export function selects(selector: ILabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]!);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]!);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        throw new Error(`unknown selector operator ${operator}`);
    }
  });
  return byLabel && byExpression;
}

/**
 * Where a pod may be reached from under the namespace's NetworkPolicies: `anywhere` (a rule with
 * no `from`), `namespace:<labels>` for other namespaces, `ipBlock:<cidr>`, and the names of the
 * workloads in this namespace whose pods a rule admits. A pod no policy selects is not isolated.
 */
export function ingressSources(
  target: Workload,
  policies: readonly INetworkPolicy[],
  workloads: readonly Workload[],
): Set<string> {
  const applying = policies.filter(
    (policy) =>
      selects(policy.spec?.podSelector, target.podLabels) &&
      (policy.spec?.policyTypes ?? ['Ingress']).includes('Ingress'),
  );
  if (applying.length === 0) return new Set(['anywhere']);
  const sources = new Set<string>();
  for (const rule of applying.flatMap((policy) => policy.spec?.ingress ?? [])) {
    if (!rule.from?.length) sources.add('anywhere');
    for (const peer of rule.from ?? []) {
      if (peer.ipBlock) sources.add(`ipBlock:${peer.ipBlock.cidr}`);
      else if (peer.namespaceSelector) sources.add(`namespace:${JSON.stringify(peer.namespaceSelector)}`);
      else {
        for (const source of workloads) if (selects(peer.podSelector, source.podLabels)) sources.add(source.name);
      }
    }
  }
  return sources;
}
