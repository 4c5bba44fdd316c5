# syntax=docker/dockerfile:1
#
# Lava web image: the Angular app served by unprivileged nginx on port 8080, with /api/ proxied
# to the API (API_UPSTREAM, default api:3000).
#
# Build from the repository root (needs BuildKit, the default since Docker 23):
#   docker build -f docker/web.Dockerfile -t lava-web .
# docker/web.Dockerfile.dockerignore keeps node_modules, dist, .git, local data etc. out of the context.

ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine

# ---------------------------------------------------------------------------
# deps: identical to the first stage of api.Dockerfile, so BuildKit reuses the layer for both images.
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
# build: production Angular build to dist/web/browser, the features' texts in one file per language
# (scripts/lib/translations.mjs), plus gzip copies for nginx's gzip_static.
# ---------------------------------------------------------------------------
FROM deps AS build
ENV NG_CLI_ANALYTICS=false
COPY . .
RUN npx nx run web:build:production \
 && test -f dist/web/browser/index.html \
 && node scripts/lib/translations.mjs dist/web/browser \
 && find dist/web/browser -type f \
      \( -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.html' -o -name '*.json' \
         -o -name '*.svg' -o -name '*.txt' -o -name '*.map' -o -name '*.ico' \) \
      -size +1k -exec gzip -9 -k -n {} +

# ---------------------------------------------------------------------------
# runtime: nginx as non-root (uid 101), listening on 8080.
# ---------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
# The entrypoint renders /etc/nginx/templates/*.template into /etc/nginx/conf.d/ with envsubst
# (replacing the image's default server), limited to our two variables so nginx's own $variables
# are never touched. NGINX_ENTRYPOINT_LOCAL_RESOLVERS makes it export NGINX_LOCAL_RESOLVERS.
ENV API_UPSTREAM=api:3000 \
    NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1 \
    NGINX_ENVSUBST_FILTER="^(API_UPSTREAM|NGINX_LOCAL_RESOLVERS)\$"
COPY docker/nginx/security-headers.conf /etc/nginx/lava/security-headers.conf
COPY docker/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /src/dist/web/browser/ /usr/share/nginx/html/
USER 101
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
