import type { ModelConstructor } from '@kubernetes-models/base';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { objectId, type KubeObject } from './render-overlay.ts';

/**
 * The kinds the manifests may contain, each with its API schema: Kubernetes' own from
 * `kubernetes-models` (generated from the API's OpenAPI document) and KEDA's CRD from
 * `@kubernetes-models/keda`. A kind missing here is a problem, so nothing goes unchecked.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each model takes its own data type
const MODELS: Record<string, ModelConstructor<any>> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
};

/**
 * kustomize's secretGenerator wraps long base64 values at 70 columns; the API server's decoder
 * (Go's encoding/base64) skips line breaks, the schema's "byte" format does not.
 */
function withoutLineBreaksInSecretData(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret' || typeof object['data'] !== 'object' || object['data'] === null) return object;
  const data = Object.entries(object['data'] as Record<string, unknown>).map(([key, value]) => [
    key,
    typeof value === 'string' ? value.replace(/[\r\n]/g, '') : value,
  ]);
  return { ...object, data: Object.fromEntries(data) };
}

export interface SchemaProblem {
  object: string;
  message: string;
}

/**
 * Checks every object against its kind's schema: types, required fields, enums and formats.
 * The generated schemas allow unknown fields, so a misspelt optional field passes here; the
 * manifest tests catch the ones that matter by asserting the fields are present.
 */
export function validateObjects(objects: readonly KubeObject[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const object of objects) {
    const Model = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!Model) {
      problems.push({ object: objectId(object), message: `no schema for ${object.apiVersion} ${object.kind}` });
      continue;
    }
    try {
      new Model(withoutLineBreaksInSecretData(object)).validate();
    } catch (error) {
      problems.push({ object: objectId(object), message: error instanceof Error ? error.message : String(error) });
    }
  }
  return problems;
}
