import type { Language, NotificationKind } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import type { NotificationValues, OutboxBatch } from '../notifications/notification-outbox.service';

/**
 * Notices to a body's e-mail-only contacts (issue 13): people without an account who answer a
 * request through a one-time link. Written to the same outbox as members' notices (the row names the
 * contact instead of a user); the worker e-mails them at once and, for notices that ask for an
 * answer, makes the link at send time (worker/statement-links.ts).
 *
 * When the request opens, every contact the body has then gets a link row (no token yet). Later
 * notices go to the contacts who got one: the reminders and the new deadline only while they have
 * not answered; the returned notice and the decision's feedback to all of them.
 */
export async function notifyContacts(
  tx: EntityManager,
  out: OutboxBatch,
  assessmentId: string,
  request: { id: string; youthCouncilId: string },
  kind: NotificationKind,
  valuesIn: (language: Language) => NotificationValues,
): Promise<string[]> {
  if (kind === 'consultation_opened') {
    await tx.query(
      `INSERT INTO consultation_links (consultation_id, contact_id)
       SELECT $1, bc.id FROM body_contacts bc WHERE bc.organization_id = $2
       ON CONFLICT (consultation_id, contact_id) DO NOTHING`,
      [request.id, request.youthCouncilId],
    );
  }
  const waiting = kind === 'consultation_opened' || kind === 'consultation_deadline_extended';
  const contacts: { id: string; language: Language }[] = await tx.query(
    `SELECT bc.id, bc.language FROM consultation_links l JOIN body_contacts bc ON bc.id = l.contact_id
      WHERE l.consultation_id = $1 AND ($2 = false OR l.used_at IS NULL)
      ORDER BY bc.id`,
    [request.id, waiting],
  );
  return out.notifyContacts(contacts.map((c) => ({ recipientContactId: c.id, assessmentId, ...valuesIn(c.language) })));
}
