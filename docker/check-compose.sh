#!/usr/bin/env bash
# Checks the Docker setup without a Docker engine:
#   - docker/compose.yml is valid (`docker-compose config -q`) with the required secrets set,
#     and is REFUSED when JWT_SECRET or POSTGRES_PASSWORD is missing;
#   - a few structural rules of the rendered compose file (no container_name, worker without ports, ...);
#   - the Dockerfiles look sane (FROM, non-root USER in the final stage, HEALTHCHECK for the API, ...).
# Usage: docker/check-compose.sh     (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
compose_file="$here/compose.yml"

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  echo "check-compose: docker-compose is not installed (nor the 'docker compose' plugin)." >&2
  echo "  Install it (Debian/Ubuntu: sudo apt-get install docker-compose) and run this script again." >&2
  exit 1
fi

failures=0
pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1" >&2; failures=$((failures + 1)); }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Run compose with only the given env file: variables from the caller's shell must not leak in.
run_compose() {
  local env_file="$1"; shift
  env -u JWT_SECRET -u POSTGRES_PASSWORD -u COMPOSE_FILE -u COMPOSE_PROFILES -u COMPOSE_PROJECT_NAME \
    "${compose[@]}" -f "$compose_file" --env-file "$env_file" "$@"
}

echo "Compose file ($("${compose[@]}" version 2>/dev/null | head -n 1)):"

good_env="$tmp/good.env"
printf 'JWT_SECRET=%s\nPOSTGRES_PASSWORD=%s\n' \
  'dummy-jwt-secret-for-config-check-only-0123456789' 'dummy-password' > "$good_env"
if run_compose "$good_env" config -q 2> "$tmp/err"; then
  pass "valid with JWT_SECRET and POSTGRES_PASSWORD set"
else
  fail "config -q failed with the required variables set:"; sed 's/^/        /' "$tmp/err" >&2
fi

for missing in JWT_SECRET POSTGRES_PASSWORD; do
  grep -v "^${missing}=" "$good_env" > "$tmp/missing.env"
  if run_compose "$tmp/missing.env" config -q 2> "$tmp/err"; then
    fail "config accepted a missing ${missing} (it must be required)"
  elif grep -q "set ${missing} in docker/.env" "$tmp/err"; then
    pass "refused without ${missing} (\"set ${missing} in docker/.env\")"
  else
    fail "config failed without ${missing}, but not with the expected message:"; sed 's/^/        /' "$tmp/err" >&2
  fi
done

if run_compose "$here/.env.example" config -q 2> /dev/null; then
  fail ".env.example is accepted as-is (its secrets should be blank so people must set them)"
else
  pass ".env.example as-is is refused until the secrets are filled in"
fi
sed -e 's/^JWT_SECRET=$/JWT_SECRET=dummy-jwt-secret-for-config-check-only-0123456789/' \
    -e 's/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=dummy/' "$here/.env.example" > "$tmp/example.env"
if run_compose "$tmp/example.env" config -q 2> "$tmp/err"; then
  pass ".env.example with the secrets filled in is valid"
else
  fail ".env.example with the secrets filled in is invalid:"; sed 's/^/        /' "$tmp/err" >&2
fi

# Structural rules, checked on the rendered (fully interpolated) file.
if run_compose "$good_env" config > "$tmp/rendered.yml" 2> /dev/null && command -v python3 >/dev/null 2>&1 \
   && python3 -c 'import yaml' 2> /dev/null; then
  if python3 - "$tmp/rendered.yml" "$compose_file" <<'PY'
import sys, yaml
rendered = yaml.safe_load(open(sys.argv[1]))
source = yaml.safe_load(open(sys.argv[2]))
services = rendered.get("services", {})
problems = []
def need(cond, msg):
    if not cond:
        problems.append(msg)
need("version" not in source, "compose.yml has a top-level 'version' (obsolete)")
for name in ("postgres", "redis", "api", "worker", "web", "mailpit", "seed"):
    need(name in services, f"service '{name}' is missing")
for name, svc in services.items():
    need("container_name" not in svc, f"{name}: container_name prevents scaling")
    want = "no" if name == "seed" else "unless-stopped"
    need(svc.get("restart") == want, f"{name}: restart should be {want!r}, is {svc.get('restart')!r}")
worker, api, seed = services.get("worker", {}), services.get("api", {}), services.get("seed", {})
need("ports" not in worker, "worker: must not publish ports (so it can be scaled)")
need(worker.get("command") == ["node", "worker.js"], "worker: command should be node worker.js")
need(seed.get("command") == ["node", "seed-demo.js"], "seed: command should be node seed-demo.js")
need(seed.get("profiles") == ["demo"], "seed: should only run with the 'demo' profile")
need(api.get("image") and api.get("image") == worker.get("image") == seed.get("image"), "api, worker and seed should share one image")
need(worker.get("depends_on", {}).get("api", {}).get("condition") == "service_healthy", "worker: should wait for a healthy api (migrations)")
for dep in ("postgres", "redis"):
    need(api.get("depends_on", {}).get(dep, {}).get("condition") == "service_healthy", f"api: should wait for a healthy {dep}")
for name in ("postgres", "redis"):
    need("test" in services.get(name, {}).get("healthcheck", {}), f"{name}: needs a healthcheck")
need("appendonly" in " ".join(services.get("redis", {}).get("command", [])), "redis: appendonly should be on")
need(any(str(p.get("target") if isinstance(p, dict) else p).endswith("8080") for p in services.get("web", {}).get("ports", [])), "web: should publish container port 8080")
need(not rendered.get("volumes") is None and {"postgres-data", "redis-data"} <= set(rendered["volumes"]), "named volumes postgres-data and redis-data expected")
for p in problems:
    print(f"  FAIL  {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
  then pass "structure: services, no container_name, restart policies, worker scalable, seed in profile 'demo'"
  else fail "structure rules (see above)"
  fi
else
  echo "  skip  structure rules (needs python3 with PyYAML)"
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

if command -v node >/dev/null 2>&1; then
  node --check "$here/worker-healthcheck.cjs" && pass "worker-healthcheck.cjs: parses" || fail "worker-healthcheck.cjs: syntax error"
fi

echo
if [[ "$failures" -gt 0 ]]; then
  echo "check-compose: $failures check(s) failed." >&2
  exit 1
fi
echo "check-compose: all checks passed."
