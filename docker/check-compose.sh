#!/usr/bin/env bash
# Checks the Docker setup without a Docker engine:
#   - docker/compose.yml is valid against the Compose Specification's JSON schema with the required
#     secrets set, and is REFUSED when JWT_SECRET or POSTGRES_PASSWORD is missing (check-compose.mjs);
#   - a few structural rules of the rendered compose file (no container_name, worker without ports, ...);
#   - the Dockerfiles look sane (FROM, non-root USER in the final stage, HEALTHCHECK for the API, ...).
# Usage: docker/check-compose.sh     (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
compose_file="$here/compose.yml"

failures=0
pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1" >&2; failures=$((failures + 1)); }

# The compose file: interpolated as Compose does, validated against the Compose Specification's JSON
# schema and our structural rules, by docker/check-compose.mjs (Node only: no docker-compose needed).
node_bin="$(command -v node || true)"
[[ -x "$here/../node_modules/.bin/node" ]] && node_bin="$here/../node_modules/.bin/node"
if ! "$node_bin" "$here/check-compose.mjs"; then
  failures=$((failures + 1))
fi

echo "Dockerfiles:"
# Instructions of the final stage (after the last FROM), continuation lines joined.
final_stage() { sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$1" | grep -v '^[[:space:]]*#' | awk 'toupper($1)=="FROM"{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}'; }

check_dockerfile() {
  local file="$here/$1" ignore="$here/$1.dockerignore" label="$1"
  if [[ ! -f "$file" ]]; then fail "$label: missing"; return; fi
  local froms; froms="$(grep -Eci '^[[:space:]]*FROM[[:space:]]' "$file" || true)"
  if [[ "$froms" -ge 2 ]]; then pass "$label: multi-stage ($froms FROM lines)"; else fail "$label: expected a multi-stage build"; fi
  local stage; stage="$(final_stage "$file")"
  local user; user="$(printf '%s' "$stage" | awk 'toupper($1)=="USER"{u=$2} END{print u}')"
  if [[ -z "$user" ]]; then fail "$label: final stage has no USER (would run as root)"
  elif [[ "$user" =~ ^(root|0)(:.*)?$ ]]; then fail "$label: final stage runs as $user"
  else pass "$label: final stage runs as non-root user '$user'"; fi
  if printf '%s' "$stage" | grep -qiE '^[[:space:]]*HEALTHCHECK[[:space:]]+'; then pass "$label: HEALTHCHECK in the final stage"
  else fail "$label: no HEALTHCHECK in the final stage"; fi
  # Files the Dockerfile COPYs from the build context (not --from=) must exist.
  local src
  while read -r src; do
    if [[ -e "$here/../$src" ]]; then pass "$label: COPY source $src exists"; else fail "$label: COPY source $src does not exist"; fi
  done < <(grep -E '^[[:space:]]*COPY[[:space:]]' "$file" | grep -v -- '--from=' | awk '{for (i=2;i<NF;i++) if ($i !~ /^--/) print $i}')
  if [[ -f "$ignore" ]] && grep -qx '\*\*/node_modules' "$ignore" && grep -qx '\.git' "$ignore" && grep -qx 'dist' "$ignore"; then
    pass "$label: $1.dockerignore excludes node_modules, dist and .git"
  else
    fail "$label: $1.dockerignore missing or not excluding node_modules, dist and .git"
  fi
}

check_dockerfile api.Dockerfile
api_stage="$(final_stage "$here/api.Dockerfile")"
printf '%s' "$api_stage" | grep -q '/api/health' && pass "api.Dockerfile: HEALTHCHECK calls /api/health" || fail "api.Dockerfile: HEALTHCHECK should call /api/health"
printf '%s' "$api_stage" | grep -qE '^CMD \["node", ?"main.js"\]' && pass "api.Dockerfile: CMD [\"node\",\"main.js\"]" || fail "api.Dockerfile: CMD should be [\"node\",\"main.js\"]"
printf '%s' "$api_stage" | grep -qE '^EXPOSE 3000' && pass "api.Dockerfile: EXPOSE 3000" || fail "api.Dockerfile: EXPOSE 3000 missing"
printf '%s' "$api_stage" | grep -q 'NODE_ENV=production' && pass "api.Dockerfile: NODE_ENV=production" || fail "api.Dockerfile: NODE_ENV=production missing"
grep -q 'npm ci --omit=dev' "$here/api.Dockerfile" && pass "api.Dockerfile: production-only dependencies" || fail "api.Dockerfile: expected npm ci --omit=dev"

check_dockerfile web.Dockerfile
web_stage="$(final_stage "$here/web.Dockerfile")"
printf '%s' "$web_stage" | grep -qE '^EXPOSE 8080' && pass "web.Dockerfile: EXPOSE 8080" || fail "web.Dockerfile: EXPOSE 8080 missing"
tpl="$here/nginx/default.conf.template"
if grep -q 'location /api/' "$tpl" && grep -q '${API_UPSTREAM}' "$tpl" && grep -q 'try_files $uri /index.html' "$tpl"; then
  pass "nginx template: /api/ proxied to \${API_UPSTREAM}, SPA fallback to index.html"
else
  fail "nginx template: expected location /api/ with \${API_UPSTREAM} and an index.html fallback"
fi

"$node_bin" --check "$here/worker-healthcheck.cjs" && pass "worker-healthcheck.cjs: parses" || fail "worker-healthcheck.cjs: syntax error"

echo
if [[ "$failures" -gt 0 ]]; then
  echo "check-compose: $failures check(s) failed." >&2
  exit 1
fi
echo "check-compose: all checks passed."
