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
    }),
    bundleSizeReport(),
  ],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // Hashed file names under /assets/ are what lets the server cache them for a year.
    assetsDir: 'assets',
    rolldownOptions: {
      output: {
        // Libraries change less often than the shop's own code: their chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|optimism|@wry|tslib)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { port: 4080, strictPort: true },
  preview: { port: 4080, strictPort: true },
});
