# One image for every service: the command picks which process it runs (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY subgraphs/registry.ts ./subgraphs/registry.ts
# postinstall generates the Prisma clients, which needs the schemas and scripts copied above.
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
CMD ["node", "--import", "tsx", "--import", "./lib/tracing/register.ts", "router/main.ts"]
