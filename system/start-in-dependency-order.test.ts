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
    const names = calls.map(({ name }) => name);
    expect(names.sort()).toEqual(['accounts', 'catalog', 'orders']);
    expect(calls.findIndex(({ name }) => name === 'orders')).toBeGreaterThan(
      calls.findIndex(({ name }) => name === 'catalog'),
    );
    expect(calls.find(({ name }) => name === 'orders')!.env).toMatchObject({ CATALOG_URL: 'http://catalog' });
    expect(started.urls).toEqual({ accounts: 'http://accounts', catalog: 'http://catalog', orders: 'http://orders' });
    expect(started.urlEnv['ORDERS_URL']).toBe('http://orders');
  });

  it('refuses an unknown dependency and a cycle before or instead of starting them', async () => {
    const start = async ({ name }: { name: string }) => name;
    await expect(startInDependencyOrder([service('a', ['missing'])], start)).rejects.toThrow(/unknown/);
    await expect(startInDependencyOrder([service('a', ['b']), service('b', ['a'])], start)).rejects.toThrow(/cycle/);
  });

  it('starts a service once its own dependencies are up, not after unrelated slow ones', async () => {
    const order: string[] = [];
    const delays: Record<string, number> = { slow: 100, catalog: 5, orders: 5 };
    await startInDependencyOrder(
      [service('slow'), service('catalog'), service('orders', ['catalog'])],
      async ({ name }) => {
        await new Promise((resolve) => setTimeout(resolve, delays[name]));
        order.push(name);
        return name;
      },
    );
    expect(order).toEqual(['catalog', 'orders', 'slow']);
  });

  it('lets every start under way settle before reporting a failure, and starts nothing after it', async () => {
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
