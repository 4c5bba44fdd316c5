// The floor for `npm run bench:notifications`: a bare BullMQ worker in a process of its own (like Lava's
// worker) that, for each job, sends one e-mail with nodemailer to the SMTP sink. The e-mail is one of
// those Lava sent in the same run (subject, text and HTML read back from the sink; BARE_MAIL, a JSON
// file), to the job's address with the job's Message-ID, over a transport with the options of Lava's
// mailer (api/src/worker/mail/mailer.ts: pooled, 5 connections). No database, no rendering, no
// bookkeeping: what Lava takes above this is its own.
const { readFileSync } = require('node:fs');
const { Worker } = require('bullmq');
const { createTransport } = require('nodemailer');

const mail = JSON.parse(readFileSync(process.env.BARE_MAIL, 'utf8'));
const transport = createTransport({ url: process.env.SMTP_URL, pool: true, maxConnections: 5 });
const worker = new Worker(
  'bare-mail',
  async (job) => {
    await transport.sendMail({
      from: mail.from,
      to: job.data.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: job.data.messageId,
    });
  },
  {
    connection: { url: process.env.REDIS_URL, maxRetriesPerRequest: null },
    prefix: process.env.QUEUE_PREFIX,
    concurrency: Number(process.env.WORKER_CONCURRENCY ?? 10),
  },
);
worker.on('error', (error) => console.error(error));
process.on('SIGTERM', () => {
  void worker.close().then(() => {
    transport.close();
    process.exit(0);
  });
});
