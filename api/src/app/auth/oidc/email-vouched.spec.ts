import { emailVouched } from './email-vouched';

describe('emailVouched', () => {
  it('takes email_verified: true, and never false or a text', () => {
    expect(emailVouched({ email_verified: true }, false)).toBe(true);
    expect(emailVouched({ email_verified: true }, true)).toBe(true);
    expect(emailVouched({ email_verified: false }, true)).toBe(false);
    expect(emailVouched({ email_verified: 'true' }, true)).toBe(false);
  });

  it('accepts a missing claim (Entra ID) only when trusting listed domains, unless xms_edov says no', () => {
    expect(emailVouched({}, false)).toBe(false);
    expect(emailVouched({}, true)).toBe(true);
    expect(emailVouched({ xms_edov: true }, true)).toBe(true);
    expect(emailVouched({ xms_edov: false }, true)).toBe(false);
    expect(emailVouched({ xms_edov: 'false' }, true)).toBe(false);
  });
});
