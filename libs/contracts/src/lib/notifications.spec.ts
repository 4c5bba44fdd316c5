import {
  CONFIGURABLE_NOTIFICATION_KINDS,
  DEFAULT_NOTIFICATION_CHANNEL,
  NOTIFICATION_KIND_AUDIENCE,
  NOTIFICATION_KIND_GROUPS,
  NOTIFICATION_KINDS,
  notificationLink,
} from './notifications';
import { SCHEDULED_EVENT_KINDS } from './queues';

describe('notification kinds', () => {
  it('puts every configurable kind in exactly one preferences group, with an audience', () => {
    const grouped = NOTIFICATION_KIND_GROUPS.flatMap((g) => [...g.kinds]);
    expect([...grouped].sort()).toEqual([...CONFIGURABLE_NOTIFICATION_KINDS].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const kind of CONFIGURABLE_NOTIFICATION_KINDS) expect(NOTIFICATION_KIND_AUDIENCE[kind]).toMatch(/^(youth|staff|all)$/);
  });

  it('has a default channel for every kind, and a notification kind for every scheduled event', () => {
    for (const kind of NOTIFICATION_KINDS) expect(DEFAULT_NOTIFICATION_CHANNEL[kind]).toBeDefined();
    for (const kind of SCHEDULED_EVENT_KINDS) expect(NOTIFICATION_KINDS).toContain(kind);
  });

  it('links to the part of the assessment a notification is about', () => {
    const link = (kind: (typeof NOTIFICATION_KINDS)[number], params: Record<string, string> = {}) =>
      notificationLink({ kind, assessmentId: 'a 1', params });
    expect(link('consultation_deadline_reminder')).toEqual({ path: '/assessments/a%201', fragment: 'consultation' });
    expect(link('comment_added', { section: 'impactMatrix' }).fragment).toBe('section-impactMatrix');
    expect(link('mentioned', { section: 'not-a-section' }).fragment).toBeNull();
    expect(link('section_changed_after_comment', { sections: 'scope,evidence' }).fragment).toBe('section-scope');
    expect(link('follow_up_due').fragment).toBe('section-followUp');
    expect(link('review_requested').fragment).toBeNull();
    expect(notificationLink({ kind: 'assessment_created', assessmentId: null, params: {} })).toEqual({
      path: '/notifications',
      fragment: null,
    });
  });

  it('takes a youth council member to their council’s page for the request', () => {
    const link = (kind: (typeof NOTIFICATION_KINDS)[number]) =>
      notificationLink({ kind, assessmentId: 'a1', params: { consultationId: 'c 1' } });
    expect(link('consultation_opened')).toEqual({ path: '/consultations/c%201', fragment: null });
    expect(link('consultation_deadline_reminder')).toEqual({ path: '/consultations/c%201', fragment: null });
    // The feedback is a page of its own; a removed point shows the statement.
    expect(link('statement_feedback')).toEqual({ path: '/consultations/c%201/feedback', fragment: null });
    expect(link('statement_point_removed')).toEqual({ path: '/consultations/c%201', fragment: 'statement-heading' });
    // The official's notices about the same request stay on the assessment.
    expect(link('statement_submitted')).toEqual({ path: '/assessments/a1', fragment: 'consultation' });
    expect(link('consultation_overdue')).toEqual({ path: '/assessments/a1', fragment: 'consultation' });
  });
});
