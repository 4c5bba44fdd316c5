/**
 * May an admin erase a person? Erasure closes the whole account, so every one of the person's
 * memberships must lie within the admin's organizations (an admin of Kotka cannot erase someone who
 * also belongs to Kouvola: Kouvola's admin, or a regional admin above both, can).
 * - `not_found`: no membership in the admin's organizations; the person does not exist for them (404).
 * - `out_of_scope`: some membership elsewhere (403, saying so).
 *
 * The same rule, "the whole person within scope", applies to deactivation (admin-users, branch sec):
 * one rule to unify there.
 */
export type ErasureScope = 'in_scope' | 'not_found' | 'out_of_scope';

export function erasureScope(membershipOrganizationIds: readonly string[], adminOrganizationIds: readonly string[]): ErasureScope {
  const scope = new Set(adminOrganizationIds);
  const inside = membershipOrganizationIds.filter((id) => scope.has(id)).length;
  if (inside === 0) return 'not_found';
  return inside === membershipOrganizationIds.length ? 'in_scope' : 'out_of_scope';
}
