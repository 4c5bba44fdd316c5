import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { LavaConfig } from '../../app/config/lava-config';
import type { RenderedMail } from './templates';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Derived from the row id, so every copy of one notification carries the same Message-ID. */
  messageId: string;
}

/** A failure that will never succeed as it is (the server refused the address or the message with 5xx). */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Sends e-mail over SMTP (a pooled connection per worker), or writes it to the log (MAIL_MODE=console). */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;
  readonly messageIdDomain: string;

  constructor(@Inject(LavaConfig) private readonly config: LavaConfig) {
    this.messageIdDomain = new URL(config.WEB_ORIGIN).hostname || 'lava.localhost';
    this.transport =
      config.MAIL_MODE === 'console'
        ? createTransport({ jsonTransport: true })
        : createTransport({
            url: config.SMTP_URL,
            pool: true,
            maxConnections: 5,
            connectionTimeout: config.MAIL_TIMEOUT_MS,
            greetingTimeout: config.MAIL_TIMEOUT_MS,
            socketTimeout: config.MAIL_TIMEOUT_MS,
          });
  }

  messageId(kind: 'notification' | 'digest', id: string): string {
    return `<${kind}-${id}@${this.messageIdDomain}>`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
    if (this.config.MAIL_MODE === 'console') {
      this.logger.log(`To: ${mail.to}\nSubject: ${mail.subject}\nMessage-ID: ${mail.messageId}\n\n${mail.text}`);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
