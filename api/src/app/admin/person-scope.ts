/**
 * Where a person stands to an admin, by the person's memberships: the one rule for everything that
 * acts on the whole account (deactivating and reactivating in admin-users, erasure in privacy).
 * - `in_scope`: every membership lies within the admin's organizations; the admin may act on the account.
 * - `not_found`: no membership in the admin's organizations; the person does not exist for them (404).
 * - `out_of_scope`: some membership elsewhere: an admin of Kotka cannot close the account of someone
 *   who also belongs to Kouvola (Kouvola's admin decides there, or a regional admin above both).
 */
export type PersonScope = 'in_scope' | 'not_found' | 'out_of_scope';

export function personScope(membershipOrganizationIds: readonly string[], adminOrganizationIds: readonly string[]): PersonScope {
  const scope = new Set(adminOrganizationIds);
  const inside = membershipOrganizationIds.filter((id) => scope.has(id)).length;
  if (inside === 0) return 'not_found';
  return inside === membershipOrganizationIds.length ? 'in_scope' : 'out_of_scope';
}
