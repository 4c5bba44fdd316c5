import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarFeedCreated, CalendarFeedStatus, Language } from '@lava/contracts';
import { createHash, randomBytes } from 'node:crypto';
import ical, { type ICalEventData } from 'ical-generator';
import { DataSource } from 'typeorm';
import { LavaConfig } from '../config/lava-config';
import { nameColumn } from '../organizations/organizations.service';
import { CALENDAR_TEXTS, type CalendarEventKind } from './calendar-texts';
import { calendarDate, HELSINKI, helsinkiDateTime, helsinkiTimezone } from './helsinki-time';

/** 32 random bytes, base64url: 43 characters, never guessed. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** One of the person's dates: a moment (a consultation deadline) or a whole day (a meeting, a follow-up). */
export interface CalendarEventRow {
  uid: string;
  kind: CalendarEventKind;
  at: Date | null;
  date: string | null;
  title: string;
  council: string | null;
  indicator: string | null;
  link: string;
  sequence: number;
}

const NOT_FOUND = 'No calendar feed at this address: it may have been replaced or turned off.';

/**
 * A personal calendar feed (ICS, RFC 5545): a secret address per person, kept as a SHA-256 hash, that
 * lists the person's own dates and nothing else. Staff see their assessments' consultation deadlines,
 * committee meetings and follow-up dates; a youth council member sees their council's statement
 * deadlines. Events keep their UID across updates (a moved deadline updates the same event).
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: LavaConfig,
  ) {}

  async status(userId: string): Promise<CalendarFeedStatus> {
    const [row]: { created_at: Date; last_read_at: Date | null }[] = await this.db.query(
      `SELECT created_at, last_read_at FROM calendar_feeds WHERE user_id = $1`,
      [userId],
    );
    return {
      active: !!row,
      createdAt: row?.created_at.toISOString() ?? null,
      lastReadAt: row?.last_read_at?.toISOString() ?? null,
    };
  }

  /** Makes a new secret address; the old one (if any) stops working at once. */
  async create(userId: string): Promise<CalendarFeedCreated> {
    const token = randomBytes(32).toString('base64url');
    const [row]: { created_at: Date }[] = await this.db.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), last_read_at = NULL
       RETURNING created_at`,
      [userId, hash(token)],
    );
    const origin = this.config.WEB_ORIGIN.replace(/\/+$/, '');
    return {
      active: true,
      createdAt: (row?.created_at ?? new Date()).toISOString(),
      lastReadAt: null,
      url: `${origin}/api/calendar/${token}.ics`,
    };
  }

  async revoke(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM calendar_feeds WHERE user_id = $1`, [userId]);
  }

  /** The feed behind a secret address (`<token>.ics`); 404 for an unknown, replaced or revoked one, or a closed account. */
  async feed(file: string): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
    if (!TOKEN.test(token)) throw new NotFoundException(NOT_FOUND);
    // TypeORM answers an UPDATE as [rows, count].
    const [[owner]]: [{ user_id: string; language: Language }[], number] = await this.db.query(
      `UPDATE calendar_feeds f SET last_read_at = now() FROM users u
        WHERE f.token_hash = $1 AND u.id = f.user_id AND u.active
        RETURNING f.user_id, u.language`,
      [hash(token)],
    );
    if (!owner) throw new NotFoundException(NOT_FOUND);
    return this.render(await this.events(owner.user_id, owner.language), owner.language);
  }

  /** The person's own dates: only assessments they are responsible for, review, chair, or their council is asked about. */
  async events(userId: string, language: Language): Promise<CalendarEventRow[]> {
    const name = nameColumn(language);
    const related = `(a.responsible_official_id = $1
        OR EXISTS (SELECT 1 FROM assessment_reviewers r WHERE r.assessment_id = a.id AND r.reviewer_id = $1)
        OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = $1 AND m.organization_id = a.committee_id AND m.role = 'committee_chair'))`;
    const rows: CalendarEventRow[] = await this.db.query(
      `-- The council's statement deadlines (youth council members).
       SELECT 'consultation-' || c.id AS uid, 'statement_due' AS kind, c.deadline AS at, NULL AS date, a.title,
              NULL AS council, NULL AS indicator, '/consultations/' || c.id AS link, c.version AS sequence
         FROM consultations c JOIN assessments a ON a.id = c.assessment_id
        WHERE c.opened_at IS NOT NULL AND c.status <> 'withdrawn'
          AND c.youth_council_id IN (SELECT organization_id FROM memberships WHERE user_id = $1 AND role = 'youth_council_member')
       UNION ALL
       -- The statements due on the official's assessments.
       SELECT 'consultation-' || c.id, 'consultation_deadline', c.deadline, NULL, a.title,
              yc.${name}, NULL, '/assessments/' || a.id, c.version
         FROM consultations c JOIN assessments a ON a.id = c.assessment_id JOIN organizations yc ON yc.id = c.youth_council_id
        WHERE a.responsible_official_id = $1 AND c.opened_at IS NOT NULL AND c.status <> 'withdrawn'
       UNION ALL
       -- The committee meeting an assessment heads for: its official; its reviewers until review ends; the chair once it nears decision.
       SELECT 'meeting-' || a.id,
              CASE WHEN a.responsible_official_id = $1 THEN 'meeting_official'
                   WHEN EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = $1 AND m.organization_id = a.committee_id
                                   AND m.role = 'committee_chair') THEN 'meeting_chair'
                   ELSE 'meeting_reviewer' END,
              NULL, to_char(a.planned_meeting_date, 'YYYY-MM-DD'), a.title, NULL, NULL, '/assessments/' || a.id, a.version
         FROM assessments a
        WHERE a.planned_meeting_date IS NOT NULL
          AND (   (a.responsible_official_id = $1 AND a.stage IN ('screening', 'draft', 'consultation', 'review', 'decision'))
               OR (a.stage IN ('draft', 'consultation', 'review')
                   AND EXISTS (SELECT 1 FROM assessment_reviewers r WHERE r.assessment_id = a.id AND r.reviewer_id = $1))
               OR (a.stage IN ('review', 'decision')
                   AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = $1 AND m.organization_id = a.committee_id
                                  AND m.role = 'committee_chair')))
       UNION ALL
       -- The meetings where the committee recorded a decision (tabled, returned or decided).
       SELECT 'decision-' || d.id, 'decision_meeting', NULL, to_char(d.meeting_date, 'YYYY-MM-DD'), a.title,
              NULL, NULL, '/assessments/' || a.id, 0
         FROM decisions d JOIN assessments a ON a.id = d.assessment_id
        WHERE ${related}
       UNION ALL
       -- Follow-up: the date set at the decision, and each indicator's due date (the responsible official).
       SELECT 'follow-up-' || a.id, 'follow_up', NULL, to_char(a.follow_up_date, 'YYYY-MM-DD'), a.title,
              NULL, NULL, '/assessments/' || a.id, a.version
         FROM assessments a
        WHERE a.responsible_official_id = $1 AND a.follow_up_date IS NOT NULL AND a.stage IN ('decided', 'follow_up')
       UNION ALL
       SELECT 'indicator-' || a.id || '-' || i.id, 'indicator_due', NULL, to_char(i.due_date, 'YYYY-MM-DD'), a.title,
              NULL, i.indicator, '/assessments/' || a.id, a.version
         FROM follow_up_indicators i JOIN assessments a ON a.id = i.assessment_id
        WHERE a.responsible_official_id = $1 AND i.due_date IS NOT NULL AND a.stage IN ('decided', 'follow_up')
       ORDER BY uid`,
      [userId],
    );
    // One event per item: an official who is also a member of the council asked keeps the official's.
    const seen = new Set<string>();
    return rows
      .sort((x, y) => Number(x.kind === 'statement_due') - Number(y.kind === 'statement_due'))
      .filter((row) => !seen.has(row.uid) && !!seen.add(row.uid));
  }

  render(rows: readonly CalendarEventRow[], language: Language): string {
    const texts = CALENDAR_TEXTS[language];
    const origin = this.config.WEB_ORIGIN.replace(/\/+$/, '');
    const host = new URL(origin).hostname;
    const calendar = ical({
      name: texts.calendarName,
      description: texts.calendarDescription,
      prodId: { company: 'Lava', product: 'calendar-feed', language: language.toUpperCase() },
      timezone: { name: HELSINKI, generator: helsinkiTimezone },
      ttl: 60 * 60,
    });
    for (const row of rows) {
      const url = `${origin}${row.link}`;
      // A deadline is a moment (no DTEND: RFC 5545 makes it end when it starts); a meeting or follow-up a whole day.
      const when: Pick<ICalEventData, 'start' | 'allDay' | 'timezone'> = row.at
        ? { start: helsinkiDateTime(new Date(row.at)), timezone: HELSINKI }
        : { start: calendarDate(row.date ?? ''), allDay: true };
      calendar.createEvent({
        id: `${row.uid}@${host}`,
        sequence: row.sequence,
        ...when,
        summary: texts.summary[row.kind]({ title: row.title, council: row.council ?? '', indicator: row.indicator ?? '' }),
        description: `${texts.open}: ${url}`,
        url,
      });
    }
    return calendar.toString();
  }
}
