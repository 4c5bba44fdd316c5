# syntax=docker/dockerfile:1.7
# The API and the worker: one image, two commands (`node main.js`, `node worker.js`).
# Build from the repository root:  docker build -f docker/api.Dockerfile -t lava-api .

FROM node:24-bookworm-slim AS build
WORKDIR /src
# Native modules (argon2) ship prebuilt binaries; the toolchain is a fallback for other platforms.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN NODE_ENV=production NX_DAEMON=false NX_NO_CLOUD=true npx nx build api

FROM node:24-bookworm-slim AS production-dependencies
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# Nx writes a package.json and lock file holding only what the bundle requires at run time.
COPY --from=build /src/dist/api/package.json /src/dist/api/package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-dependencies --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /src/dist/api ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.API_PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "main.js"]
