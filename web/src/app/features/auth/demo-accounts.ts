/** `GET /api/demo-accounts` (public; 404 unless demo data is seeded). Web-only shape. */
export interface DemoAccount {
  email: string;
  role: string;
  /** A youth council member's office (chair or secretary), null otherwise. */
  councilOffice: string | null;
  /** A member of a body heard other than a youth council (a pupil council): named by the body, not the role. */
  heardBody?: boolean;
  municipality: string;
}

export interface DemoAccountsResponse {
  password: string;
  accounts: DemoAccount[];
}
