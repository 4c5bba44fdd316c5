// Preloaded into the API by `npm run bench:api` (node -r): records the SQL statements (text and values)
// that one HTTP request runs, so the bare NestJS app can run exactly the same ones. A request with the
// header `x-bench-record: <name>` writes them to BENCH_RECORD_DIR/<name>.json when its response ends.
const { AsyncLocalStorage } = require('node:async_hooks');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const http = require('node:http');
const pg = require('pg');

const dir = process.env.BENCH_RECORD_DIR;
const storage = new AsyncLocalStorage();

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function recordingQuery(config, values, callback) {
  const recording = storage.getStore();
  if (recording) {
    const text = typeof config === 'string' ? config : config.text;
    const params = Array.isArray(values) ? values : (config && config.values) || [];
    recording.push({ text, values: params });
  }
  return query.call(this, config, values, callback);
};

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function recordingEmit(event, ...args) {
  const [request, response] = args;
  const name = event === 'request' ? request.headers['x-bench-record'] : undefined;
  if (typeof name !== 'string' || !/^[\w-]+$/.test(name)) return emit.call(this, event, ...args);
  const recording = [];
  response.on('finish', () => writeFileSync(join(dir, `${name}.json`), JSON.stringify(recording)));
  return storage.run(recording, () => emit.call(this, event, ...args));
};
