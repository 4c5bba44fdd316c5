import type { EntityManager } from 'typeorm';
import type { Assessment } from '../assessments/assessment.entity';
import type { NotificationDraft, OutboxBatch } from '../notifications/notification-outbox.service';
import type { ConsultationDeadlines } from '../scheduling/consultation-deadlines.service';
import type { ConsultationRepository } from './consultation.repository';
import { ConsultationNotices } from './consultation-notices.service';

/** The member notices with fakes in place of the unit of work's `out`, the scheduler and the repository: no database. */
function setUp(members: { id: string; language: 'fi' | 'sv' | 'en' }[]) {
  // Read back as plain values (each kind's own type is checked where the drafts are made).
  const added: (Omit<NotificationDraft, 'params'> & { params: Record<string, string | undefined> })[] = [];
  const calls: string[] = [];
  const out = {
    notify: async (drafts: NotificationDraft[]) => (added.push(...drafts), drafts.map((_, i) => `n${i}`)),
    notifyContacts: async () => [],
  } as unknown as OutboxBatch;
  const deadlines = {
    schedule: async (_out: OutboxBatch, id: string, deadline: Date) => (calls.push(`schedule ${id} ${deadline.toISOString()}`), ['e1']),
    cancel: async (_out: OutboxBatch, id: string) => (calls.push(`cancel ${id}`), ['e2']),
  };
  const store = { councilNames: async () => ({ nameFi: 'Nuorisovaltuusto', nameSv: 'Ungdomsfullmäktige', nameEn: 'Youth council' }) };
  // The members; no e-mail-only contacts (contact-notices.ts asks about links and contacts).
  const tx = { query: async (sql: string) => (/consultation_links|body_contacts/.test(sql) ? [] : members) } as unknown as EntityManager;
  const notices = new ConsultationNotices(deadlines as unknown as ConsultationDeadlines, store as unknown as ConsultationRepository);
  return { notices, tx, out, added, calls };
}

const assessment = { id: 'a1', title: 'Nuorisotalon aukioloajat' } as Assessment;

describe('ConsultationNotices', () => {
  it('tells every member, naming the council in their own language and in each language', async () => {
    const { notices, tx, out, added } = setUp([
      { id: 'u1', language: 'fi' },
      { id: 'u2', language: 'sv' },
    ]);
    const deadline = new Date('2027-03-01T21:59:00.000Z');
    const ids = await notices.notifyMembers(tx, out, assessment, { id: 'c1', youthCouncilId: 'yc1' }, 'consultation_opened', deadline);
    expect(ids).toEqual(['n0', 'n1']);
    expect(added.map((d) => [d.recipientUserId, d.kind, d.params['council'], d.params['consultationId'], d.params['deadline']])).toEqual([
      ['u1', 'consultation_opened', 'Nuorisovaltuusto', 'c1', '2027-03-01T21:59:00.000Z'],
      ['u2', 'consultation_opened', 'Ungdomsfullmäktige', 'c1', '2027-03-01T21:59:00.000Z'],
    ]);
    expect(added[0]?.params).toMatchObject({
      council_fi: 'Nuorisovaltuusto',
      council_sv: 'Ungdomsfullmäktige',
      council_en: 'Youth council',
    });
    expect(added[0]?.params).not.toHaveProperty('reason');
  });

  it('carries the reason of a return, and no deadline when there is none', async () => {
    const { notices, tx, out, added } = setUp([{ id: 'u1', language: 'en' }]);
    await notices.notifyMembers(tx, out, assessment, { id: 'c1', youthCouncilId: 'yc1' }, 'consultation_returned', null, 'Wrong council');
    expect(added[0]?.params).toMatchObject({ reason: 'Wrong council', council: 'Youth council' });
    expect(added[0]?.params).not.toHaveProperty('deadline');
  });

  it('schedules the deadline jobs for a deadline and cancels them for none', async () => {
    const { notices, out, calls } = setUp([]);
    expect(await notices.deadlineJobs(out, 'c1', new Date('2027-03-01T21:59:00.000Z'))).toEqual(['e1']);
    expect(await notices.deadlineJobs(out, 'c1', null)).toEqual(['e2']);
    expect(calls).toEqual(['schedule c1 2027-03-01T21:59:00.000Z', 'cancel c1']);
  });
});
