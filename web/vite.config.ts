import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleSizeReport } from './build/bundle-size-plugin.ts';
import { persistedQueries } from './build/persisted-queries-plugin.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The storefront: `vite build --config web/vite.config.ts` writes web/dist and the operation manifests. */
export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    persistedQueries({
      documents: here('src/operations/*.graphql'),
      manifestPath: here('generated/persisted-query-manifest.json'),
      routerManifestPath: here('generated/router-operations.json'),
    }),
    bundleSizeReport(),
  ],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // Hashed file names under /assets/ are what lets the server cache them for a year.
    assetsDir: 'assets',
  },
  server: { port: 4080, strictPort: true },
  preview: { port: 4080, strictPort: true },
});
