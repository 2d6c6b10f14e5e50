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

/** A service skipped because another failed first; the other's failure is the one reported. */
class NotStartedError extends Error {
  constructor(name: string) {
    super(`${name} not started: another service failed`);
  }
}

/**
 * Starts every service as soon as the services it depends on have started, all others in
 * parallel. `start` receives the `<PREFIX>_URL` of every service started before it (its
 * dependencies among them) and resolves with its own URL. On a failure nothing new is started,
 * and every start already under way settles before the failure is thrown, so the caller has
 * registered every process that did start and can stop them all.
 */
export async function startInDependencyOrder<T extends DependentService>(
  services: readonly T[],
  start: (service: T, urlEnv: Record<string, string>) => Promise<string>,
): Promise<StartedServices> {
  const byName = new Map(services.map((service) => [service.name, service]));
  for (const service of services) {
    const unknown = (service.dependsOn ?? []).filter((dependency) => !byName.has(dependency));
    if (unknown.length) throw new Error(`${service.name} depends on unknown service(s) ${unknown.join(', ')}`);
  }
  const visiting = new Set<string>();
  const checkCycles = (name: string, path: readonly string[]) => {
    if (path.includes(name)) throw new Error(`dependency cycle among ${[...path, name].join(', ')}`);
    if (visiting.has(name)) return;
    visiting.add(name);
    for (const dependency of byName.get(name)!.dependsOn ?? []) checkCycles(dependency, [...path, name]);
  };
  for (const { name } of services) checkCycles(name, []);

  const started: StartedServices = { urls: {}, urlEnv: {} };
  const inFlight: Promise<unknown>[] = [];
  let failed = false;
  const promises = new Map<string, Promise<string>>();
  const startOne = (service: T): Promise<string> => {
    const existing = promises.get(service.name);
    if (existing) return existing;
    const promise = (async () => {
      await Promise.all((service.dependsOn ?? []).map((dependency) => startOne(byName.get(dependency)!)));
      if (failed) throw new NotStartedError(service.name);
      const url = await start(service, { ...started.urlEnv });
      started.urls[service.name] = url;
      started.urlEnv[`${service.envPrefix}_URL`] = url;
      return url;
    })();
    promise.catch(() => {
      failed = true;
    });
    promises.set(service.name, promise);
    inFlight.push(promise);
    return promise;
  };
  for (const service of services) startOne(service);
  const results = await Promise.allSettled(inFlight);
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length) throw failures.find((reason) => !(reason instanceof NotStartedError)) ?? failures[0];
  return started;
}
