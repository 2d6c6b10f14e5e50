import type { Browser, BrowserContext } from 'playwright-core';

/** A request the page made, in ms from the navigation's own request. */
export interface TimedRequest {
  /** `GET /assets/index-….js`, `POST /graphql ProductList`, `OPTIONS /graphql` (a CORS preflight). */
  label: string;
  startMs: number;
  endMs: number;
}

export interface PageLoad {
  /** The page's own mark: the first products on screen, ms from navigation start. */
  firstProductsMs: number;
  /** The HTML received, every module script evaluated (DOMContentLoaded waits for them). */
  htmlMs: number;
  domContentLoadedMs: number;
  requests: TimedRequest[];
}

/** The list's own query, and how long after its answer the page is left to render before it is read. */
const LIST_QUERY = '"operationName":"ProductList"';
const SETTLE_MS = 500;

interface Pending {
  label: string;
  start: number;
  end?: number;
}

const operationName = (postData: string | undefined) => {
  try {
    return postData ? String((JSON.parse(postData) as { operationName?: unknown }).operationName ?? '') : '';
  } catch {
    return '';
  }
};

/**
 * Loads `url` in `context` and waits for the page's `markName`. Every request is timed from
 * Chromium's own network events (DevTools protocol), preflights included, which the page's
 * Resource Timing folds into the request they precede.
 */
export async function loadPage(
  context: BrowserContext,
  url: string,
  markName: string,
  { tracePath }: { tracePath?: string } = {},
): Promise<PageLoad> {
  const page = await context.newPage();
  // A Chromium trace (DevTools' Performance panel opens it): what the page's main thread did when.
  if (tracePath) await context.browser()!.startTracing(page, { path: tracePath });
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, Pending>();
  cdp.on('Network.requestWillBeSent', ({ requestId, request, timestamp }) => {
    const path = new URL(request.url).pathname;
    const name = request.method === 'POST' ? ` ${operationName(request.postData)}` : '';
    requests.set(requestId, { label: `${request.method} ${path}${name}`, start: timestamp });
  });
  const finish = ({ requestId, timestamp }: { requestId: string; timestamp: number }) => {
    const pending = requests.get(requestId);
    if (pending) pending.end = timestamp;
  };
  cdp.on('Network.loadingFinished', finish);
  cdp.on('Network.loadingFailed', finish);
  await cdp.send('Network.enable');
  try {
    // Nothing is evaluated in the page until it has settled: Playwright's first evaluation compiles
    // its injected script on the page's main thread, which would slow the very load being measured.
    const settled = page.waitForResponse((response) => response.request().postData()?.includes(LIST_QUERY) ?? false);
    await page.goto(url);
    await settled;
    await page.waitForTimeout(SETTLE_MS);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, markName);
    if (tracePath) await context.browser()!.stopTracing();
    const timing = await page.evaluate((name) => {
      // Runs in the page; this file is typed against Node's `performance`, which has no navigation entries.
      const navigation = performance
        .getEntries()
        .find(({ entryType }) => String(entryType) === 'navigation')
        ?.toJSON() as { responseEnd: number; domContentLoadedEventEnd: number } | undefined;
      return {
        firstProductsMs: performance.getEntriesByName(name)[0]!.startTime,
        htmlMs: navigation?.responseEnd ?? NaN,
        domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? NaN,
      };
    }, markName);
    // The document's request is the first one; the page's clock starts (within a millisecond) with it.
    const origin = Math.min(...[...requests.values()].map(({ start }) => start));
    const timed = [...requests.values()]
      .map(({ label, start, end }) => ({
        label,
        startMs: (start - origin) * 1000,
        endMs: ((end ?? start) - origin) * 1000,
      }))
      .sort((a, b) => a.startMs - b.startMs);
    return { ...timing, requests: timed };
  } finally {
    await cdp.detach();
    await page.close();
  }
}

/** A first visit: a fresh context has an empty HTTP cache and no cached preflight. */
export async function coldLoad(
  browser: Browser,
  url: string,
  markName: string,
  options: { tracePath?: string } = {},
): Promise<PageLoad> {
  const context = await browser.newContext();
  try {
    return await loadPage(context, url, markName, options);
  } finally {
    await context.close();
  }
}

/** A repeat visit: the same context loads the page once, then again with its cache warm. */
export async function warmLoad(browser: Browser, url: string, markName: string): Promise<PageLoad> {
  const context = await browser.newContext();
  try {
    await loadPage(context, url, markName);
    return await loadPage(context, url, markName);
  } finally {
    await context.close();
  }
}
