/** What the ordering needs to know of a service: its name, env prefix and what it calls. */
export interface DependentService {
  name: string;
  envPrefix: string;
  dependsOn?: readonly string[];
}

export interface StartedServices {
  /** Service name to the URL it answers at. */
  urls: Record<string, string>;
  /** `<PREFIX>_URL` of every started service, ready to merge into a later process's environment. */
  urlEnv: Record<string, string>;
}

/**
 * Starts services in waves: each wave is every service whose dependencies have all started, and
 * runs in parallel. `start` receives the `<PREFIX>_URL` of every service started before it and
 * resolves with its own URL. A wave always settles completely before a failure is thrown, so the
 * caller has registered every process that did start and can stop them all.
 */
export async function startInDependencyOrder<T extends DependentService>(
  services: readonly T[],
  start: (service: T, urlEnv: Record<string, string>) => Promise<string>,
): Promise<StartedServices> {
  const names = new Set(services.map(({ name }) => name));
  for (const service of services) {
    const unknown = (service.dependsOn ?? []).filter((dependency) => !names.has(dependency));
    if (unknown.length) throw new Error(`${service.name} depends on unknown service(s) ${unknown.join(', ')}`);
  }
  const started: StartedServices = { urls: {}, urlEnv: {} };
  let pending = [...services];
  while (pending.length) {
    const wave = pending.filter(({ dependsOn = [] }) => dependsOn.every((dependency) => dependency in started.urls));
    if (!wave.length) throw new Error(`dependency cycle among ${pending.map(({ name }) => name).join(', ')}`);
    const urlEnv = { ...started.urlEnv };
    const results = await Promise.allSettled(wave.map((service) => start(service, urlEnv)));
    results.forEach((result, index) => {
      const service = wave[index]!;
      if (result.status !== 'fulfilled') return;
      started.urls[service.name] = result.value;
      started.urlEnv[`${service.envPrefix}_URL`] = result.value;
    });
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    pending = pending.filter((service) => !wave.includes(service));
  }
  return started;
}
