import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** The kustomize overlays under deploy/kubernetes/overlays, each a complete installation. */
export const OVERLAYS = ['dev', 'production'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** Any rendered Kubernetes object: enough shape to dispatch on, the rest checked by its schema. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export const KUBERNETES_DIR = fileURLToPath(new URL('../../deploy/kubernetes/', import.meta.url));

/** `Kind/name`, how problems and test names refer to an object. */
export const objectId = (object: Pick<KubeObject, 'kind' | 'metadata'>) => `${object.kind}/${object.metadata.name}`;

/**
 * Renders an overlay with `kubectl kustomize` (offline: kustomize reads only the files under
 * deploy/kubernetes) and parses the stream into objects.
 */
export function renderOverlay(overlay: Overlay): KubeObject[] {
  let rendered: string;
  try {
    rendered = execFileSync('kubectl', ['kustomize', `${KUBERNETES_DIR}overlays/${overlay}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`kubectl kustomize overlays/${overlay} failed: ${stderr || String(error)}`);
  }
  return parseAllDocuments(rendered).map((document, index) => {
    if (document.errors.length)
      throw new Error(`overlay ${overlay}, document ${index}: ${document.errors[0]!.message}`);
    const object = document.toJS() as KubeObject | null;
    if (!object?.apiVersion || !object.kind || !object.metadata?.name) {
      throw new Error(`overlay ${overlay}, document ${index} is not a Kubernetes object`);
    }
    return object;
  });
}
