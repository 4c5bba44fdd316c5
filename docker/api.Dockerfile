# syntax=docker/dockerfile:1
#
# Lava API + worker image (one image, two processes):
#   API     docker run ... lava-api            (default CMD: node main.js, port 3000)
#   worker  docker run ... lava-api node worker.js
#   one-shot commands: node migrate.js | node seed-demo.js
#
# Build from the repository root (needs BuildKit, the default since Docker 23):
#   docker build -f docker/api.Dockerfile -t lava-api .
# docker/api.Dockerfile.dockerignore keeps node_modules, dist, .git, local data etc. out of the context.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------
# deps: the whole workspace's dependencies (dev included: Nx, webpack, TypeScript).
# Only package.json + package-lock.json are copied, so this layer is reused until they change.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
# python3/make/g++: fallback for native modules (argon2) if no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false \
    SCARF_ANALYTICS=false \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_SKIP_NX_CACHE=true
WORKDIR /src
COPY package.json package-lock.json ./
# (Also installs the `node` devDependency used on developer machines; harmless here.)
# `npm ci` is preferred; the fallback exists because package-lock.json currently lacks the other
# platforms' optional packages (@msgpackr-extract/*, @oxc-parser/binding-wasm32-wasi), which npm 11
# reports as "not in sync". Drop the fallback once `npm ci` passes on a clean checkout.
RUN --mount=type=cache,target=/root/.npm \
    npm ci \
 || { echo 'WARNING: npm ci failed (lockfile out of sync); falling back to npm install' >&2; npm install; }

# ---------------------------------------------------------------------------
# build: webpack bundles dist/api/{main,worker,migrate,seed-demo}.js and (generatePackageJson)
# writes dist/api/package.json + package-lock.json listing only the runtime dependencies.
# (`nx run api:prune` is not used: its prune-lockfile step needs an api/package.json.)
# ---------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npx nx run api:build \
 && test -f dist/api/main.js && test -f dist/api/worker.js \
 && test -f dist/api/migrate.js && test -f dist/api/seed-demo.js \
 && test -f dist/api/package.json && test -f dist/api/package-lock.json \
 && mkdir -p /manifest/workspace_modules \
 && cp dist/api/package.json dist/api/package-lock.json /manifest/ \
 && if [ -d dist/api/workspace_modules ]; then cp -R dist/api/workspace_modules/. /manifest/workspace_modules/; fi

# ---------------------------------------------------------------------------
# prod-deps: production dependencies only, installed from the pruned lockfile.
# Rebuilt only when the dependency manifest changes, not on every code change.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false \
    SCARF_ANALYTICS=false
WORKDIR /app
COPY --from=build /manifest/ ./
# Same fallback as in the deps stage (the generated lockfile inherits the root one's gaps).
RUN --mount=type=cache,target=/root/.npm \
    { npm ci --omit=dev \
      || { echo 'WARNING: npm ci failed (lockfile out of sync); falling back to npm install' >&2; npm install --omit=dev; }; } \
 && node -e "require('argon2'); require('pg'); require('ioredis')"

# ---------------------------------------------------------------------------
# runtime: Node + production node_modules + the bundles. Code is owned by root and
# read-only for the `node` user the processes run as.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    API_PORT=3000 \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /src/dist/api/ ./
COPY docker/worker-healthcheck.cjs ./worker-healthcheck.cjs
USER node
EXPOSE 3000
# 200 while PostgreSQL and Redis answer ("degraded" without workers still counts as healthy,
# so the API becomes healthy before the workers, which wait for it, are started).
# start-period is generous: pending migrations run before the API listens.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.API_PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "main.js"]
