import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';

export interface StaticStorefrontOptions {
  /** The Vite build: index.html and hashed files under assets/. */
  distDir: string;
  /** The router's GraphQL URL, written into the page for the client. */
  routerUrl: string;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Serves the built storefront. Files under /assets/ carry a content hash in their names, so they
 * are cached for a year and never revalidated; a new build has new names. index.html (answered
 * for every page path, as the client routes) is revalidated on each visit so a deploy is seen at
 * once. The page gets this deployment's router URL, so one build serves every environment.
 */
export function mountStaticStorefront(app: Express, { distDir, routerUrl }: StaticStorefrontOptions): void {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: run npm run web:build first`);
  const routerOrigin = new URL(routerUrl).origin;
  // The preconnect opens the connection to the router (DNS, TCP, TLS) while the scripts download,
  // so the product query does not pay for it; `crossorigin` matches the uncredentialed fetch.
  const indexHtml = readFileSync(indexPath, 'utf8').replace(
    '<meta name="storefront-router-url" content="" />',
    `<meta name="storefront-router-url" content="${escapeAttribute(routerUrl)}" />` +
      `<link rel="preconnect" href="${escapeAttribute(routerOrigin)}" crossorigin />`,
  );
  app.use((_req, res, next) => {
    res.set({
      'content-security-policy': [
        "default-src 'self'",
        `connect-src 'self' ${routerOrigin}`,
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    next();
  });
  app.use(
    '/assets',
    express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
    // An asset of another build is gone for good; never answer it with the page.
    (_req, res) => void res.sendStatus(404),
  );
  app.use(express.static(distDir, { index: false, maxAge: 0 }));
  app.get('/{*path}', (_req, res) => {
    res.set('cache-control', 'no-cache').type('html').send(indexHtml);
  });
}
