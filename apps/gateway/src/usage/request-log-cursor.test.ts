import { describe, expect, it } from 'vitest';
import { decodeRequestLogCursor, encodeRequestLogCursor } from './request-log-cursor';

describe('request-log cursors', () => {
  it('round-trip a position', () => {
    const position = { startedAt: 1_738_324_800_123, id: '9007199254740993' };
    expect(decodeRequestLogCursor(encodeRequestLogCursor(position))).toEqual(position);
  });

  it.each(['', 'not-base64!', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('[1,"x; DROP TABLE"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])(
    'refuse %j',
    (cursor) => {
      expect(decodeRequestLogCursor(cursor)).toBeUndefined();
    },
  );
});
