# Receivables Control for Bitrix24: one image for the HTTP app and the workers (compose.yaml runs both).
# Node 22 runs the TypeScript sources itself (type stripping: erasable syntax and .ts imports, enforced
# by tsconfig's erasableSyntaxOnly), so the image needs neither tsx nor a server build: the only build
# is the UI's. Needs Node >= 22.18 (type stripping on by default).
ARG NODE_IMAGE=node:22-bookworm-slim

# 1. The UI bundle (Vite), built with the dev dependencies that never reach the final image.
FROM ${NODE_IMAGE} AS ui
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. The production dependencies only.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. The image: the code owned by root and read-only for the app user, which may write only /app/data.
FROM ${NODE_IMAGE} AS app
# MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own 64 MB arena (V8's compiler and GC
# threads do); two arenas keep a worker ~45 MB smaller under load (npm run bench -- many-portals).
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    APP_ENV=production \
    APP_HOST=0.0.0.0 \
    APP_PORT=3000 \
    DB_DATA_DIR=/app/data/pglite
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY server ./server
COPY robots ./robots
COPY install ./install
COPY contracts ./contracts
COPY placement-ui/src ./placement-ui/src
COPY --from=ui /src/dist/ui ./dist/ui
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.APP_PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/main.ts"]
