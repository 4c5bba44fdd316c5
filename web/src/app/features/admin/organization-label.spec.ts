import type { AdminOrganizationView } from '@lava/contracts';
import { organizationLabel } from './organization-label';

const org = (id: string, name: string, kind: AdminOrganizationView['kind'], parentId: string | null): AdminOrganizationView => ({
  id,
  name,
  names: { fi: name, sv: name, en: name },
  kind,
  parentId,
  oidcEmailDomains: [],
  languages: kind === 'municipality' ? ['fi'] : null,
});

describe('organizationLabel', () => {
  const all = [
    org('r', 'Kymenlaakso', 'region', null),
    org('k', 'Kotka', 'municipality', 'r'),
    org('kc', 'Education committee', 'committee', 'k'),
    org('yc', 'Kotka Youth Council', 'youth_council', 'k'),
    org('lost', 'Technical committee', 'committee', 'gone'),
  ];

  it('names a committee with its municipality, and anything else by its own name', () => {
    expect(organizationLabel(all[2], all)).toBe('Education committee, Kotka');
    expect(organizationLabel(all[1], all)).toBe('Kotka');
    expect(organizationLabel(all[3], all)).toBe('Kotka Youth Council');
    expect(organizationLabel(all[4], all)).toBe('Technical committee');
  });
});
