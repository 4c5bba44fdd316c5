import { isCouncilOfficer } from './roles';

describe('isCouncilOfficer', () => {
  const council = 'council-1';

  it('is true for the chair or the secretary of that council', () => {
    expect(isCouncilOfficer([{ organizationId: council, role: 'youth_council_member', councilOffice: 'chair' }], council)).toBe(true);
    expect(isCouncilOfficer([{ organizationId: council, role: 'youth_council_member', councilOffice: 'secretary' }], council)).toBe(true);
  });

  it('is false for a plain member, an officer of another council, or no office given', () => {
    expect(isCouncilOfficer([{ organizationId: council, role: 'youth_council_member', councilOffice: null }], council)).toBe(false);
    expect(isCouncilOfficer([{ organizationId: council, role: 'youth_council_member' }], council)).toBe(false);
    expect(isCouncilOfficer([{ organizationId: 'council-2', role: 'youth_council_member', councilOffice: 'chair' }], council)).toBe(false);
    expect(isCouncilOfficer([], council)).toBe(false);
  });
});
