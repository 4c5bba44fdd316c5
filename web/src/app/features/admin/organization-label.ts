import type { AdminOrganizationView } from '@lava/contracts';

/**
 * An organization's name as a list or a choice shows it. Every municipality has committees of the
 * same name (Education committee), so a committee's name is followed by its municipality's.
 */
export function organizationLabel(
  org: Pick<AdminOrganizationView, 'name' | 'kind' | 'parentId'>,
  all: readonly Pick<AdminOrganizationView, 'id' | 'name'>[],
): string {
  if (org.kind !== 'committee' || !org.parentId) return org.name;
  const parent = all.find((o) => o.id === org.parentId);
  return parent ? `${org.name}, ${parent.name}` : org.name;
}
