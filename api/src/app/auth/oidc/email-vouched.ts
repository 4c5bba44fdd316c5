/**
 * Whether a provider's claims vouch for the e-mail address as verified, for the first link of an
 * account (see OidcService). `email_verified: true` does. Entra ID sends no `email_verified` at all:
 * with OIDC_TRUST_LISTED_DOMAINS the missing claim is accepted, and the caller still requires the
 * address's domain to be one the person's organization lists in `organizations.oidc_email_domains`
 * (the organization's word that its tenant verified that domain). Entra's optional `xms_edov`
 * claim ("the domain owner verified the address"), when sent as false, refuses. A false
 * `email_verified` always refuses.
 */
export function emailVouched(claims: Record<string, unknown>, trustListedDomains: boolean): boolean {
  if (claims['email_verified'] === true) return true;
  if (!trustListedDomains || 'email_verified' in claims) return false;
  return claims['xms_edov'] !== false && claims['xms_edov'] !== 'false';
}
