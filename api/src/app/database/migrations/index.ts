import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** Every migration, in order. Imported explicitly so the bundled API needs no file globbing. */
export const MIGRATIONS = [InitialSchema1764000000000];
