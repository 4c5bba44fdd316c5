// The production web app as `npm start` serves it: the built files of dist/web/browser from memory
// (pre-compressed brotli/gzip copies made at build time), and /api/ passed through to the API on the
// same origin — what docker/nginx/default.conf.template does in a container, with the same security
// headers (read from docker/nginx/security-headers.conf, so the two cannot drift apart).
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, relative } from 'node:path';
import { pipeline } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};
// Content-hashed bundles (main-XXXXXXXX.js, chunk-XXXXXXXX.js, styles-XXXXXXXX.css) and media/: the
// name changes whenever the content does, so they are cached for a year.
const IMMUTABLE = /(?:-[A-Za-z0-9_-]{8}\.(?:js|mjs|css)$)|^\/media\//;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/** `add_header Name "value" always;` lines of the nginx include, as [name, value] pairs. */
export async function securityHeaders(file) {
  const text = await readFile(file, 'utf8');
  return [...text.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)].map((match) => [match[1], match[2]]);
}

async function loadFiles(root) {
  const files = new Map();
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (!/\.(?:br|gz)$/.test(entry.name)) {
        const body = await readFile(path);
        const [br, gz] = await Promise.all([readFile(`${path}.br`).catch(() => null), readFile(`${path}.gz`).catch(() => null)]);
        const url = `/${relative(root, path).split('\\').join('/')}`;
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        files.set(url, { body, br, gz, etag, type: TYPES[extname(path)] ?? 'application/octet-stream' });
      }
    }
  }
  await walk(root);
  return files;
}

function preferredEncoding(request) {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

/**
 * Starts the server on `port`; resolves to `{ port, close }`. `apiUrl` is where /api/ goes; requests to
 * it wait for `apiReady` (the page can load while the API is still starting; its first calls wait).
 */
export async function startWebServer({ root, port, host, apiUrl, headersFile, apiReady = Promise.resolve() }) {
  const files = await loadFiles(root);
  const index = files.get('/index.html');
  if (!index) throw new Error(`no index.html in ${root}: the web app is not built`);
  const security = headersFile ? await securityHeaders(headersFile) : [];
  const api = new URL(apiUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  function sendFile(request, response, file, cacheControl) {
    for (const [name, value] of security) response.setHeader(name, value);
    response.setHeader('Cache-Control', cacheControl);
    response.setHeader('Content-Type', file.type);
    response.setHeader('ETag', file.etag);
    response.setHeader('Vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304).end();
      return;
    }
    const encoding = preferredEncoding(request);
    let body = file.body;
    if (encoding === 'br' && file.br) {
      body = file.br;
      response.setHeader('Content-Encoding', 'br');
    } else if (encoding && file.gz) {
      body = file.gz;
      response.setHeader('Content-Encoding', 'gzip');
    }
    response.setHeader('Content-Length', body.length);
    response.writeHead(200).end(request.method === 'HEAD' ? undefined : body);
  }

  function proxy(request, response) {
    const headers = {};
    for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    const forwardedFor = request.headers['x-forwarded-for'];
    const client = request.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${client}` : client;
    headers['x-forwarded-proto'] = request.headers['x-forwarded-proto'] ?? 'http';
    headers['x-forwarded-host'] = request.headers.host ?? '';
    const upstream = http.request(
      { host: api.hostname, port: api.port, method: request.method, path: request.url, headers, agent },
      (answer) => {
        const outgoing = { ...answer.headers };
        for (const name of HOP_BY_HOP) delete outgoing[name];
        // JSON is compressed on the way out (as nginx's gzip_proxied does); an event stream never is,
        // so every event reaches the browser at once.
        const type = String(answer.headers['content-type'] ?? '');
        const length = Number(answer.headers['content-length'] ?? Number.POSITIVE_INFINITY);
        const encoding = preferredEncoding(request);
        const compress = encoding && !answer.headers['content-encoding'] && /json|text\/(?!event-stream)/.test(type) && length > 1024;
        if (!compress) {
          response.writeHead(answer.statusCode ?? 502, outgoing);
          if (type.startsWith('text/event-stream')) response.flushHeaders();
          pipeline(answer, response, () => undefined);
          return;
        }
        delete outgoing['content-length'];
        outgoing['content-encoding'] = encoding;
        outgoing.vary = outgoing.vary ? `${outgoing.vary}, Accept-Encoding` : 'Accept-Encoding';
        response.writeHead(answer.statusCode ?? 502, outgoing);
        const compressor =
          encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 5 });
        pipeline(answer, compressor, response, () => undefined);
      },
    );
    upstream.on('error', () => {
      if (response.headersSent) return response.destroy();
      response.writeHead(502, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ statusCode: 502, message: 'The API does not answer.' }));
    });
    // A closed browser tab ends the request to the API too (an event stream would otherwise stay open).
    response.on('close', () => upstream.destroy());
    pipeline(request, upstream, () => undefined);
  }

  /**
   * The app shell with a fresh CSP nonce, as nginx's sub_filter makes it (docker/nginx): the
   * placeholder in index.html and `$request_id` in the CSP header become the same random value.
   */
  function sendShell(request, response) {
    const nonce = randomBytes(16).toString('hex');
    for (const [name, value] of security) response.setHeader(name, value.replaceAll('$request_id', nonce));
    const body = Buffer.from(index.body.toString('utf8').replaceAll('LAVA_CSP_NONCE', nonce));
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Type', index.type);
    response.setHeader('Content-Length', body.length);
    response.writeHead(200).end(request.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    } catch {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    if (path === '/api' || path.startsWith('/api/')) {
      apiReady.then(
        () => proxy(request, response),
        () => proxy(request, response),
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/index.html') return sendShell(request, response);
    const file = files.get(path);
    if (file) return sendFile(request, response, file, IMMUTABLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    // A missing file is a 404; any other path is a route of the app: the app shell.
    if (extname(path) && TYPES[extname(path)]) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    sendShell(request, response);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
