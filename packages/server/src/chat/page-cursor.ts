import { z } from 'zod';
import { badRequest } from '../http/errors.js';

/**
 * Keyset positions handed to clients as opaque strings (base64url JSON tagged with the listing
 * they belong to), so a client cannot depend on their shape and a cursor of one listing is
 * refused by another rather than misread.
 */
const position = z.tuple([z.string(), z.array(z.union([z.number().int(), z.string().max(64)])).max(4)]);

export function encodeCursor(listing: string, values: ReadonlyArray<number | string>): string {
  return Buffer.from(JSON.stringify([listing, values])).toString('base64url');
}

/** The values of a cursor `encodeCursor(listing, …)` made, checked against `shape`; a 400 otherwise. */
export function decodeCursor<T>(listing: string, cursor: string, shape: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const tagged = position.safeParse(json);
  const values = tagged.success && tagged.data[0] === listing ? shape.safeParse(tagged.data[1]) : undefined;
  if (!values?.success) throw badRequest('invalid query: cursor: not a cursor returned by this listing (next_cursor)', 'validation_failed');
  return values.data;
}
