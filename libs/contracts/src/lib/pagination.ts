/**
 * One page of a keyset-paginated list. `nextCursor` is opaque to clients:
 * pass it back as `cursor` to get the next page; null means this was the last page.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
