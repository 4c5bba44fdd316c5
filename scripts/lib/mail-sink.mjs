// An SMTP server that keeps what it receives in memory. Used by `npm start` (with a small HTML
// inbox, MAIL_SINK_PORT) and by the notification fault test and benchmark (which count messages
// by Message-ID). Never for production.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

/** Header value from a raw message (first occurrence, unfolded). */
function header(raw, name) {
  const end = raw.indexOf('\r\n\r\n');
  const head = (end === -1 ? raw : raw.slice(0, end)).replace(/\r\n[ \t]+/g, ' ');
  const match = head.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'im'));
  return match ? match[1].trim() : '';
}

/**
 * Starts the sink. `keepBodies: false` keeps only the envelope and Message-ID (for counting 10,000s).
 * Returns { port, messages, firstRaw(), countsByMessageId(), close() }.
 */
export async function startMailSink({ port = 0, host = '127.0.0.1', keepBodies = true, onMessage } = {}) {
  const messages = [];
  let firstRaw = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        firstRaw ??= raw;
        const message = {
          receivedAt: new Date(),
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(raw, 'Message-ID'),
          subject: header(raw, 'Subject'),
          raw: keepBodies ? raw : undefined,
        };
        messages.push(message);
        onMessage?.(message);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: server.server.address().port,
    messages,
    /** The whole first message received (kept even with `keepBodies: false`), or null. */
    firstRaw: () => firstRaw,
    /** Map Message-ID → copies received. */
    countsByMessageId() {
      const counts = new Map();
      for (const m of messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * A minimal web inbox for the sink: the list at /, one message (raw, with its MIME parts) at /message/N,
 * and every message as JSON at /messages.json (`?to=address` for one recipient's), for browser tests
 * that follow a link from an e-mail: [{ index, receivedAt, to, subject, messageId, text, html }].
 */
export async function startMailInbox(sink, { port, host = '127.0.0.1' }) {
  const { simpleParser } = await import('mailparser');
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = url.pathname.match(/^\/message\/(\d+)(\/html)?$/);
    response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (url.pathname === '/messages.json') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const chosen = sink.messages.map((m, index) => ({ m, index })).filter(({ m }) => !to || m.to.some((a) => a.toLowerCase() === to));
      const items = [];
      for (const { m, index } of chosen) {
        const parsed = await simpleParser(m.raw ?? '');
        items.push({
          index,
          receivedAt: m.receivedAt.toISOString(),
          to: m.to,
          subject: parsed.subject ?? m.subject,
          messageId: m.messageId,
          text: parsed.text ?? '',
          html: parsed.html || '',
        });
      }
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      return void response.end(JSON.stringify(items));
    }
    if (match) {
      const message = sink.messages[Number(match[1])];
      if (!message) return void response.writeHead(404).end('No such message');
      const parsed = await simpleParser(message.raw ?? '');
      if (match[2]) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return void response.end(parsed.html || '<p>(no HTML part)</p>');
      }
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void response.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(parsed.subject ?? '')}</title>
<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto">
<p><a href="/">← Inbox</a></p><h1>${escapeHtml(parsed.subject ?? '')}</h1>
<p>To: ${escapeHtml(message.to.join(', '))}<br>Message-ID: ${escapeHtml(message.messageId)}</p>
<h2>Plain text</h2><pre style="white-space:pre-wrap">${escapeHtml(parsed.text ?? '')}</pre>
<h2>HTML</h2><p><a href="/message/${match[1]}/html">Open the HTML part</a></p></body></html>`);
    }
    // The newest 200, with subjects decoded (the raw header carries RFC 2047 encoded words).
    const newest = sink.messages
      .map((m, i) => ({ m, i }))
      .slice(-200)
      .reverse();
    const subjects = await Promise.all(
      newest.map(({ m }) => (m.raw ? simpleParser(m.raw).then((p) => p.subject ?? m.subject) : m.subject)),
    );
    const rows = newest
      .map(
        ({ m, i }, n) =>
          `<tr><td>${m.receivedAt.toISOString()}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="/message/${i}">${escapeHtml(subjects[n] || '(no subject)')}</a></td></tr>`,
      )
      .join('\n');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Lava mail sink</title>
<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto"><h1>Lava mail sink (${sink.messages.length})</h1>
<p>Every e-mail the worker sends while <code>npm start</code> runs; nothing leaves this machine.</p>
<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table></body></html>`);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { close: () => new Promise((resolve) => server.close(resolve)) };
}
