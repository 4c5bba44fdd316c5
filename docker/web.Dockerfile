# syntax=docker/dockerfile:1.7
# The web app as static files behind nginx (non-root, port 8080), with /api proxied to the API.
# Build from the repository root:  docker build -f docker/web.Dockerfile -t lava-web .

FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx build web --configuration=production

FROM nginxinc/nginx-unprivileged:1.29-alpine
# The official image renders /etc/nginx/templates/*.template with envsubst at start.
ENV API_UPSTREAM=api:3000
COPY docker/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /src/dist/web/browser /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
