import { isRefusalCode, refusal, REFUSAL_CODES } from './refusals';

describe('refusal', () => {
  it.each(REFUSAL_CODES.map((code) => [code]))('gives %s a sentence for a person', (code) => {
    const params = {
      allowedRoles: 'youth_council_member',
      stage: 'follow_up',
      expectedStage: 'follow_up',
      action: 'x',
      pendingCount: 2,
      nextDeadline: '2025-06-29T23:59:00+03:00',
      missingCount: 2,
      missingItems: 'evidence_gaps_stated, vulnerable_groups_covered',
      followUpDate: '2025-06-15',
    };
    const { message } = refusal(code, params);
    expect(message).toMatch(/^[A-Z].*[.]$/);
    expect(message).not.toContain('undefined');
    expect(message).not.toContain('_');
  });

  it('names every allowed role', () => {
    expect(refusal('role_not_allowed', { allowedRoles: 'official,committee_chair' }).message).toBe(
      'Only the preparing official or the committee chair may do this.',
    );
  });

  it('keeps params out of a refusal that has none', () => {
    expect(refusal('reason_required')).toEqual({ code: 'reason_required', message: 'Give a reason; it is recorded in the audit trail.' });
  });

  it('recognises only known codes', () => {
    expect(isRefusalCode('stage_is_final')).toBe(true);
    expect(isRefusalCode('Stage_is_final')).toBe(false);
    expect(isRefusalCode(undefined)).toBe(false);
  });
});
