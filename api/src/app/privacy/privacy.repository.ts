import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language, MyDataExport } from '@lava/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { nameColumn } from '../organizations/organizations.service';
import { type PseudonymKind, pseudonymEmail, pseudonymToken } from './pseudonym';

/** Notification parameters that carry the name of the person who acted (comments: author; review returned: by). */
const NAME_PARAMS = ['author', 'by'] as const;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const isoOf = (d: Date): string => d.toISOString();

export interface ErasureOutcome {
  pseudonymNumber: number;
  token: string;
  councilCommentsRemoved: number;
  notificationsRenamed: number;
}

/** The SQL of the privacy feature: a person's data, their erasure, and the retention limits. */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Locks the person's row; null when there is no such person or they are erased already. */
  async lockPerson(tx: EntityManager, userId: string): Promise<{ id: string } | null> {
    const [row]: { id: string }[] = await tx.query(`SELECT id FROM users WHERE id = $1 AND erased_at IS NULL FOR UPDATE`, [userId]);
    return row ?? null;
  }

  /**
   * Replaces the person by a pseudonym and closes the account, in the caller's transaction (the row
   * is locked by lockPerson). Kept, under the pseudonym: what the record needs (comments on the
   * assessment, statement points, version history, review and decision signatures, the audit trail).
   * Removed: the texts of the youth council's private discussion (audience `council`) with their
   * earlier versions, the person's sessions (sign-in history), password resets, notifications,
   * preferences, digests and memberships (the membership history too).
   */
  async erase(tx: EntityManager, userId: string): Promise<ErasureOutcome> {
    const [person]: { display_name: string; shown: string; youth: boolean }[] = await tx.query(
      `SELECT u.display_name, shown_name(u.id, u.display_name) AS shown,
              EXISTS (SELECT 1 FROM memberships WHERE user_id = u.id AND role = 'youth_council_member')
              OR EXISTS (SELECT 1 FROM membership_endings WHERE user_id = u.id AND role = 'youth_council_member') AS youth
         FROM users u WHERE u.id = $1`,
      [userId],
    );
    if (!person) throw new Error(`erase: no user ${userId}`);
    const kind: PseudonymKind = person.youth ? 'council-member' : 'user';
    const [{ n }]: [{ n: string }] = await tx.query(`SELECT nextval('user_pseudonym_seq') AS n`);
    const pseudonymNumber = Number(n);
    const token = pseudonymToken(kind, pseudonymNumber);

    // Notifications to others that name the person (by the name others see, shown_name, or the whole
    // display name), on assessments where they commented or returned a review.
    const [, notificationsRenamed]: [unknown, number] = await tx.query(
      `UPDATE notifications n
          SET params = n.params || (SELECT jsonb_object_agg(k, $3::text) FROM unnest($4::text[]) k WHERE n.params ->> k = ANY($2::text[]))
        WHERE n.recipient_user_id <> $1
          AND EXISTS (SELECT 1 FROM unnest($4::text[]) k WHERE n.params ->> k = ANY($2::text[]))
          AND n.assessment_id IN (
            SELECT t.assessment_id FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE c.author_id = $1
            UNION SELECT assessment_id FROM review_rounds WHERE ended_by_id = $1)`,
      [userId, [person.display_name, person.shown], token, NAME_PARAMS],
    );

    // The council's private discussion is not part of the record: the texts go, the thread stays readable.
    await tx.query(
      `DELETE FROM comment_revisions WHERE comment_id IN (
         SELECT c.id FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE c.author_id = $1 AND t.audience = 'council')`,
      [userId],
    );
    const [, councilCommentsRemoved]: [unknown, number] = await tx.query(
      `UPDATE comments c SET body = '-', deleted_at = COALESCE(c.deleted_at, now()), version = c.version + 1
         FROM comment_threads t
        WHERE t.id = c.thread_id AND c.author_id = $1 AND t.audience = 'council'`,
      [userId],
    );

    await tx.query(`DELETE FROM refresh_tokens WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM password_resets WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM calendar_feeds WHERE user_id = $1`, [userId]);
    await tx.query(
      `UPDATE invitations SET revoked_at = now(), token_hash = NULL WHERE user_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [userId],
    );
    await tx.query(`DELETE FROM notifications WHERE recipient_user_id = $1`, [userId]);
    await tx.query(`DELETE FROM notification_digests WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM memberships WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM membership_endings WHERE user_id = $1`, [userId]);
    await tx.query(
      `UPDATE users SET display_name = $2, email = $3, password_hash = NULL, active = false,
              erased_at = now(), pseudonym = $4, updated_at = now(), version = version + 1
        WHERE id = $1`,
      [userId, token, pseudonymEmail(pseudonymNumber), pseudonymNumber],
    );
    return { pseudonymNumber, token, councilCommentsRemoved, notificationsRenamed };
  }

  /**
   * Former youth council members due for pseudonymization: not erased; once a youth council member;
   * holding no membership now (or deactivated, with none but youth council memberships left); and
   * whose last membership ended, or whose account was deactivated, more than `months` ago.
   */
  async formerCouncilMembersDue(months: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `WITH cutoff AS (SELECT now() - make_interval(months => $1) AS at)
       SELECT u.id FROM users u, cutoff
        WHERE u.erased_at IS NULL
          AND (EXISTS (SELECT 1 FROM membership_endings e WHERE e.user_id = u.id AND e.role = 'youth_council_member')
               OR EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id AND ms.role = 'youth_council_member'))
          AND ((u.active AND NOT EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id))
               OR (NOT u.active AND u.deactivated_at < cutoff.at
                   AND NOT EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id AND ms.role <> 'youth_council_member')))
          AND NOT EXISTS (SELECT 1 FROM membership_endings e WHERE e.user_id = u.id AND e.ended_at >= cutoff.at)
        ORDER BY u.id
        LIMIT $2`,
      [months, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Deletes notifications delivered more than `days` ago whose e-mail, if any, is done with; returns how many. */
  async deleteOldNotifications(days: number, batch: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.db.query(
        `DELETE FROM notifications WHERE id IN (
           SELECT id FROM notifications
            WHERE delivered_at < now() - make_interval(days => $1)
              AND (channel IS DISTINCT FROM 'email' OR email_sent_at IS NOT NULL OR failed_at IS NOT NULL)
              AND NOT (channel = 'digest' AND digest_id IS NULL)
            LIMIT $2)`,
        [days, batch],
      );
      deleted += count;
      if (count < batch) break;
    }
    await this.db.query(
      `DELETE FROM notification_digests d
        WHERE COALESCE(d.email_sent_at, d.failed_at) < now() - make_interval(days => $1)
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.digest_id = d.id)`,
      [days],
    );
    return deleted;
  }

  /** Everything kept about the person, organization names in `language`. */
  async exportData(userId: string, language: Language): Promise<MyDataExport> {
    const name = nameColumn(language);
    const q = <T>(sql: string): Promise<T[]> => this.db.query(sql, [userId]);
    const [profile] = await q<{
      id: string;
      email: string;
      display_name: string;
      language: Language;
      active: boolean;
      created_at: Date;
      updated_at: Date;
    }>(`SELECT id, email, display_name, language, active, created_at, updated_at FROM users WHERE id = $1`);
    if (!profile) throw new Error(`export: no user ${userId}`);
    const memberships = await q<{ name: string; kind: string; role: string; council_office: string | null; created_at: Date }>(
      `SELECT o.${name} AS name, o.kind, ms.role, ms.council_office, ms.created_at
         FROM memberships ms JOIN organizations o ON o.id = ms.organization_id WHERE ms.user_id = $1 ORDER BY ms.created_at`,
    );
    // A change of roles removes and re-adds memberships: only those not held now have ended.
    const ended = await q<{ name: string; role: string; started_at: Date; ended_at: Date }>(
      `SELECT DISTINCT ON (e.organization_id, e.role) o.${name} AS name, e.role, e.started_at, e.ended_at
         FROM membership_endings e JOIN organizations o ON o.id = e.organization_id
        WHERE e.user_id = $1
          AND NOT EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = e.user_id AND ms.organization_id = e.organization_id AND ms.role = e.role)
        ORDER BY e.organization_id, e.role, e.ended_at DESC`,
    );
    const comments = await q<{
      id: string;
      assessment_id: string;
      title: string;
      section: string;
      audience: string;
      body: string;
      created_at: Date;
      edited_at: Date | null;
      hidden_at: Date | null;
      deleted_at: Date | null;
    }>(
      `SELECT c.id, a.id AS assessment_id, a.title, t.section, t.audience, c.body, c.created_at, c.edited_at, c.hidden_at, c.deleted_at
         FROM comments c JOIN comment_threads t ON t.id = c.thread_id JOIN assessments a ON a.id = t.assessment_id
        WHERE c.author_id = $1 ORDER BY c.created_at, c.id`,
    );
    const revisions = await q<{ comment_id: string; body: string; written_at: Date; replaced_at: Date }>(
      `SELECT r.comment_id, r.body, r.written_at, r.replaced_at FROM comment_revisions r JOIN comments c ON c.id = r.comment_id
        WHERE c.author_id = $1 ORDER BY r.written_at`,
    );
    const points = await q<{ id: string; title: string; council: string; position: number; text: string; updated_at: Date }>(
      `SELECT p.id, a.title, o.${name} AS council, p.position, p.text, p.updated_at
         FROM statement_points p JOIN statements s ON s.id = p.statement_id JOIN consultations k ON k.id = s.consultation_id
         JOIN assessments a ON a.id = k.assessment_id JOIN organizations o ON o.id = k.youth_council_id
        WHERE p.updated_by_id = $1 ORDER BY p.updated_at, p.id`,
    );
    const flags = await q<{ comment_id: string; reason: string; created_at: Date }>(
      `SELECT comment_id, reason, created_at FROM comment_flags WHERE user_id = $1 ORDER BY created_at`,
    );
    const notifications = await q<{
      kind: string;
      title: string | null;
      params: Record<string, string>;
      created_at: Date;
      delivered_at: Date | null;
      read_at: Date | null;
      channel: string | null;
      email_sent_at: Date | null;
    }>(
      `SELECT n.kind, a.title, n.params, n.created_at, n.delivered_at, n.read_at, n.channel, n.email_sent_at
         FROM notifications n LEFT JOIN assessments a ON a.id = n.assessment_id
        WHERE n.recipient_user_id = $1 ORDER BY n.created_at, n.id`,
    );
    const preferences = await q<{ kind: string; channel: string }>(
      `SELECT kind, channel FROM notification_preferences WHERE user_id = $1 ORDER BY kind`,
    );
    const sessions = await q<{ family_id: string; created_at: Date; last_used_at: Date | null; expires_at: Date; revoked_at: Date | null }>(
      `SELECT family_id, created_at, last_used_at, expires_at, revoked_at FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`,
    );
    const resets = await q<{ created_at: Date; used_at: Date | null }>(
      `SELECT created_at, used_at FROM password_resets WHERE user_id = $1 ORDER BY created_at`,
    );
    const invitations = await q<{ created_at: Date; sent_at: Date | null; accepted_at: Date | null }>(
      `SELECT created_at, sent_at, accepted_at FROM invitations WHERE user_id = $1 ORDER BY created_at`,
    );
    const activity = await q<{ occurred_at: Date; action: string; entity_type: string; entity_id: string; reason: string | null }>(
      `SELECT occurred_at, action, entity_type, entity_id, reason FROM audit_events WHERE actor_user_id = $1 ORDER BY occurred_at, id`,
    );
    const aboutYou = await q<{ occurred_at: Date; action: string; reason: string | null }>(
      `SELECT occurred_at, action, reason FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 ORDER BY occurred_at, id`,
    );

    return {
      exportedAt: new Date().toISOString(),
      profile: {
        id: profile.id,
        email: profile.email,
        displayName: profile.display_name,
        language: profile.language,
        active: profile.active,
        createdAt: isoOf(profile.created_at),
        updatedAt: isoOf(profile.updated_at),
      },
      memberships: memberships.map((m) => ({
        organization: m.name,
        organizationKind: m.kind as MyDataExport['memberships'][number]['organizationKind'],
        role: m.role as MyDataExport['memberships'][number]['role'],
        councilOffice: m.council_office as MyDataExport['memberships'][number]['councilOffice'],
        since: isoOf(m.created_at),
      })),
      endedMemberships: ended.map((e) => ({
        organization: e.name,
        role: e.role as MyDataExport['endedMemberships'][number]['role'],
        since: isoOf(e.started_at),
        endedAt: isoOf(e.ended_at),
      })),
      comments: comments.map((c) => ({
        id: c.id,
        assessmentId: c.assessment_id,
        assessmentTitle: c.title,
        section: c.section,
        audience: c.audience,
        body: c.body,
        createdAt: isoOf(c.created_at),
        editedAt: iso(c.edited_at),
        hiddenAt: iso(c.hidden_at),
        deletedAt: iso(c.deleted_at),
        revisions: revisions
          .filter((r) => r.comment_id === c.id)
          .map((r) => ({ body: r.body, writtenAt: isoOf(r.written_at), replacedAt: isoOf(r.replaced_at) })),
      })),
      statementPoints: points.map((p) => ({
        id: p.id,
        assessmentTitle: p.title,
        council: p.council,
        position: p.position,
        text: p.text,
        updatedAt: isoOf(p.updated_at),
      })),
      commentFlags: flags.map((f) => ({ commentId: f.comment_id, reason: f.reason, createdAt: isoOf(f.created_at) })),
      notifications: notifications.map((n) => ({
        kind: n.kind,
        assessmentTitle: n.title,
        params: n.params,
        createdAt: isoOf(n.created_at),
        deliveredAt: iso(n.delivered_at),
        readAt: iso(n.read_at),
        channel: n.channel,
        emailSentAt: iso(n.email_sent_at),
      })),
      notificationPreferences: preferences,
      signIns: sessions.map((s) => ({
        session: s.family_id,
        startedAt: isoOf(s.created_at),
        lastUsedAt: iso(s.last_used_at),
        expiresAt: isoOf(s.expires_at),
        revokedAt: iso(s.revoked_at),
      })),
      passwordResets: resets.map((r) => ({ requestedAt: isoOf(r.created_at), usedAt: iso(r.used_at) })),
      invitations: invitations.map((i) => ({ createdAt: isoOf(i.created_at), sentAt: iso(i.sent_at), acceptedAt: iso(i.accepted_at) })),
      activity: activity.map((a) => ({
        occurredAt: isoOf(a.occurred_at),
        action: a.action,
        entityType: a.entity_type,
        entityId: a.entity_id,
        reason: a.reason,
      })),
      aboutYou: aboutYou.map((a) => ({ occurredAt: isoOf(a.occurred_at), action: a.action, reason: a.reason })),
    };
  }
}
