import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor, toPage } from './keyset-cursor';

describe('keyset cursor', () => {
  const position = { createdAt: new Date('2026-11-23T10:11:12.345Z'), id: '7b0e3b8e-4a8e-4f5e-9a61-7d1b1a2c3d4e' };

  it('round-trips a position with millisecond precision', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each(['', 'not-base64-json', Buffer.from('["2026-01-01","x"]').toString('base64url'), Buffer.from('{}').toString('base64url')])(
    'refuses %p with a 400',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(BadRequestException);
    },
  );

  it('gives a next cursor only when there is one more row than the limit', () => {
    const rows = [1, 2, 3].map((n) => ({ n, createdAt: new Date(2026, 0, n), id: position.id }));
    const full = toPage(
      rows,
      2,
      (r) => r,
      (r) => r.n,
    );
    expect(full.items).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor ?? '').createdAt).toEqual(rows[1].createdAt);
    expect(
      toPage(
        rows,
        3,
        (r) => r,
        (r) => r.n,
      ).nextCursor,
    ).toBeNull();
  });
});
