import { adminQuery } from './support/databases';

export default async function globalTeardown(): Promise<void> {
  const name = process.env['LAVA_TEST_TEMPLATE'];
  if (name) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
