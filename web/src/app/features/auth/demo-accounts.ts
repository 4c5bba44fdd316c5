/** `GET /api/demo-accounts` (public; 404 unless demo data is seeded). Web-only shape. */
export interface DemoAccount {
  email: string;
  role: string;
  municipality: string;
}

export interface DemoAccountsResponse {
  password: string;
  accounts: DemoAccount[];
}
