/**
 * `npm run deploy:check`: renders every kustomize overlay under deploy/kubernetes and checks
 * each object against the Kubernetes API schemas (and KEDA's), offline. The invariants the
 * manifests keep (probes, limits, security context, budgets, network policies) are asserted by
 * scripts/kubernetes/manifests.test.ts.
 */
import { OVERLAYS, renderOverlay } from './render-overlay.ts';
import { validateObjects } from './validate-objects.ts';

let failed = false;
for (const overlay of OVERLAYS) {
  const objects = renderOverlay(overlay);
  const problems = validateObjects(objects);
  for (const { object, message } of problems) console.error(`${overlay}: ${object}: ${message}`);
  failed ||= problems.length > 0;
  console.log(`${overlay}: ${objects.length} objects, ${problems.length} schema problems`);
}
process.exitCode = failed ? 1 : 0;
