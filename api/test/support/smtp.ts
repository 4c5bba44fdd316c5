import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  mail: ParsedMail;
}

type Refusal = { code: number; message: string } | null;

/** A real SMTP server for a test: keeps every message; `setReject` refuses recipients (e.g. 550, 451). */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  let reject: (address: string) => Refusal = () => null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = reject(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address: string) => received.filter((r) => r.to.includes(address)),
    setReject: (fn: (address: string) => Refusal) => (reject = fn),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link to `${origin}${prefix}` in a message's plain text. */
export function linkToken(mail: ParsedMail, origin: string, prefix: string): string {
  const escaped = `${origin}${prefix}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = (mail.text ?? '').match(new RegExp(`${escaped}([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${prefix} link in: ${mail.text}`);
  return match[1];
}

/** Every row of the tables as JSON text, to look for a secret stored in plaintext anywhere in them. */
export async function tablesAsText(db: { query: (sql: string) => Promise<{ row: string }[]> }, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) parts.push(...(await db.query(`SELECT row_to_json(t)::text AS row FROM ${table} t`)).map((r) => r.row));
  return parts.join('\n');
}
