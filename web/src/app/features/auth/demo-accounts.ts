/** `GET /api/demo-accounts` (public; 404 unless demo data is seeded). Web-only shape. */
export interface DemoAccount {
  email: string;
  role: string;
  /** A youth council member's office (chair or secretary), null otherwise. */
  councilOffice: string | null;
  municipality: string;
}

export interface DemoAccountsResponse {
  password: string;
  accounts: DemoAccount[];
}
