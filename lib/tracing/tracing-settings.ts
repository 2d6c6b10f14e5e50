import { basename, dirname, relative } from 'node:path';

export interface TracingSettings {
  serviceName: string;
}

/**
 * Tracing is on only where an OTLP endpoint is configured (`OTEL_EXPORTER_OTLP_ENDPOINT` or the
 * traces-only variant) and the SDK is not disabled; otherwise no SDK is loaded and no module is
 * wrapped, so an untraced process pays nothing. The exporter itself reads the standard OTEL_*
 * variables (protocol, headers, batch delays).
 */
export function tracingSettings(env: Record<string, string | undefined>, entry: string): TracingSettings | undefined {
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (!endpoint || env['OTEL_SDK_DISABLED'] === 'true') return undefined;
  return { serviceName: env['OTEL_SERVICE_NAME'] ?? serviceNameFromEntry(entry) };
}

/**
 * Names a process after its entry point, so every process (router, subgraph, worker) is told
 * apart in traces without per-service settings: `router/main.ts` is `router`,
 * `subgraphs/orders/main.ts` is `orders`, `subgraphs/orders/worker/main.ts` is `orders-worker`,
 * and the same under `dist/` (`dist/router/main.js` is `router`).
 */
export function serviceNameFromEntry(entry: string, root = process.cwd()): string {
  const folders = dirname(relative(root, entry))
    .split(/[\\/]/)
    .filter((part) => part && part !== '.');
  // The build mirrors the tree under dist/: a compiled entry is named like its source.
  if (folders[0] === 'dist') folders.shift();
  if (folders[0] === 'subgraphs') folders.shift();
  return folders.length ? folders.join('-') : basename(entry).replace(/\.[cm]?[jt]s$/, '');
}
