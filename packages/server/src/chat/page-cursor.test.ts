import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../http/errors.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

const shape = z.tuple([z.number().int(), z.string()]);

describe('page cursors', () => {
  it('round-trips the position of its own listing', () => {
    const cursor = encodeCursor('list', [1_700_000_000_000, 'a-b-c']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('list', cursor, shape)).toEqual([1_700_000_000_000, 'a-b-c']);
  });

  it("refuses another listing's cursor, a wrong shape and garbage with a 400", () => {
    const refused = (listing: string, cursor: string) => {
      try {
        decodeCursor(listing, cursor, shape);
        return undefined;
      } catch (err) {
        return err instanceof AppError ? err.status : 'other';
      }
    };
    expect(refused('sync', encodeCursor('list', [1, 'x']))).toBe(400);
    expect(refused('list', encodeCursor('list', ['x', 1]))).toBe(400);
    expect(refused('list', 'not-a-cursor')).toBe(400);
    expect(refused('list', '')).toBe(400);
  });
});
