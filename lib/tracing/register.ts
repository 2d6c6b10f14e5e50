/**
 * Loaded before a service's entry point (`node --import tsx --import ./lib/tracing/register.ts
 * <entry>`, see system/spawn-service.ts and docker-compose.yml): ES modules are linked
 * before any of their code runs, so instrumentation must hook module loading from here, not from
 * an import in main.ts. Without an OTLP endpoint it does nothing.
 */
import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { tracingSettings } from './tracing-settings.ts';

const settings = tracingSettings(process.env, process.argv[1] ?? 'unknown');
if (settings) {
  // Only the modules an instrumentation asks for are wrapped; every other import loads untouched.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  const { startTracing } = await import('./start-tracing.ts');
  startTracing(settings);
  await waitForAllMessagesAcknowledged();
}
