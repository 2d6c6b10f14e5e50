import { describe, expect, it } from 'vitest';
import { startInDependencyOrder } from './start-in-dependency-order.ts';

const service = (name: string, dependsOn?: string[]) => ({
  name,
  envPrefix: name.toUpperCase(),
  ...(dependsOn ? { dependsOn } : {}),
});

describe('startInDependencyOrder', () => {
  it('starts a service only after its dependencies and passes their URLs', async () => {
    const calls: { name: string; env: Record<string, string> }[] = [];
    const started = await startInDependencyOrder(
      [service('orders', ['catalog']), service('accounts'), service('catalog')],
      async ({ name }, env) => {
        calls.push({ name, env });
        return `http://${name}`;
      },
    );
    expect(calls.map(({ name }) => name)).toEqual(['accounts', 'catalog', 'orders']);
    expect(calls[2]!.env).toEqual({ ACCOUNTS_URL: 'http://accounts', CATALOG_URL: 'http://catalog' });
    expect(started.urls).toEqual({ accounts: 'http://accounts', catalog: 'http://catalog', orders: 'http://orders' });
    expect(started.urlEnv['ORDERS_URL']).toBe('http://orders');
  });

  it('refuses an unknown dependency and a cycle before or instead of starting them', async () => {
    const start = async ({ name }: { name: string }) => name;
    await expect(startInDependencyOrder([service('a', ['missing'])], start)).rejects.toThrow(/unknown/);
    await expect(startInDependencyOrder([service('a', ['b']), service('b', ['a'])], start)).rejects.toThrow(/cycle/);
  });

  it('lets the whole wave settle before reporting a failure, and starts nothing after it', async () => {
    const finished: string[] = [];
    const failing = startInDependencyOrder([service('a'), service('b'), service('c', ['a'])], async ({ name }) => {
      if (name === 'a') throw new Error('a failed');
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished.push(name);
      return name;
    });
    await expect(failing).rejects.toThrow('a failed');
    expect(finished).toEqual(['b']);
  });
});
