#!/usr/bin/env bash
# Checks what can be checked without a Docker engine: the compose file parses and resolves,
# refuses to start without JWT_SECRET, keeps workers scalable, and the images run as non-root.
set -euo pipefail
cd "$(dirname "$0")/.."

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  echo "docker-compose is not installed (Debian/Ubuntu: apt-get install -y docker-compose); cannot check docker/compose.yml" >&2
  exit 1
fi

env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
echo "JWT_SECRET=$(printf 'x%.0s' {1..40})" >"$env_file"

fail() { echo "check-compose: $*" >&2; exit 1; }

resolved=$("${compose[@]}" -f docker/compose.yml --env-file "$env_file" config)
echo "compose file resolves"

if JWT_SECRET= "${compose[@]}" -f docker/compose.yml --env-file /dev/null config -q >/dev/null 2>&1; then
  fail "compose accepted a missing JWT_SECRET"
fi
echo "compose refuses to run without JWT_SECRET"

for service in postgres redis api worker web mailpit; do
  grep -qE "^  ${service}:$" <<<"$resolved" || fail "service $service is missing"
done
grep -q 'container_name' <<<"$resolved" && fail "container_name would break --scale worker=N"
worker_block=$(awk '/^  worker:$/{on=1;next} /^  [a-z]/{on=0} on' <<<"$resolved")
grep -q 'ports:' <<<"$worker_block" && fail "the worker must not publish ports (it is scaled)"
grep -q 'worker.js' <<<"$worker_block" || fail "the worker service must run worker.js"
grep -q 'condition: service_healthy' <<<"$resolved" || fail "services must wait for healthy dependencies"
echo "services present; worker scalable"

for dockerfile in docker/api.Dockerfile docker/web.Dockerfile; do
  final_stage=$(awk '/^FROM /{stage=""} {stage=stage"\n"$0} END{print stage}' "$dockerfile")
  user=$(grep -E '^USER ' <<<"$final_stage" | tail -n1 | awk '{print $2}')
  [ -n "$user" ] && [ "$user" != "root" ] && [ "$user" != "0" ] || fail "$dockerfile: the final stage must run as a non-root USER"
  [ "$(grep -c '^FROM ' "$dockerfile")" -ge 2 ] || fail "$dockerfile: expected a multi-stage build"
  grep -q '^HEALTHCHECK' <<<"$final_stage" || fail "$dockerfile: the final stage needs a HEALTHCHECK"
done
echo "Dockerfiles: multi-stage, non-root, with healthchecks"
