import { describe, expect, it } from 'vitest';
import { serviceNameFromEntry, tracingSettings } from './tracing-settings.ts';

describe('tracingSettings', () => {
  it('is off without an OTLP endpoint, so no SDK is loaded', () => {
    expect(tracingSettings({}, 'router/main.ts')).toBeUndefined();
  });

  it('is off when the SDK is disabled, even with an endpoint', () => {
    expect(
      tracingSettings(
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318', OTEL_SDK_DISABLED: 'true' },
        'router/main.ts',
      ),
    ).toBeUndefined();
  });

  it('is on with either endpoint variable, naming the service after OTEL_SERVICE_NAME first', () => {
    expect(
      tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://x:4318/v1/traces' }, 'router/main.ts'),
    ).toEqual({
      serviceName: 'router',
    });
    expect(
      tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x:4318', OTEL_SERVICE_NAME: 'edge' }, 'router/main.ts'),
    ).toEqual({ serviceName: 'edge' });
  });
});

describe('serviceNameFromEntry', () => {
  it.each([
    ['/app/router/main.ts', 'router'],
    ['/app/subgraphs/orders/main.ts', 'orders'],
    ['/app/subgraphs/orders/worker/main.ts', 'orders-worker'],
    ['/app/seed.ts', 'seed'],
    ['/app/dist/subgraphs/orders/worker/main.js', 'orders-worker'],
    ['/app/dist/router/main.js', 'router'],
  ])('%s is %s', (entry, name) => {
    expect(serviceNameFromEntry(entry, '/app')).toBe(name);
  });
});
