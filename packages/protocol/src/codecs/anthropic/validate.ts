import type { z } from 'zod';
import { IrInputError } from '../../ir.js';
import { describeZodError } from '../../zod-issues.js';

/** Validates `value`; throws IrInputError naming every failing field (`what` names the value itself). */
export function parseWire<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new IrInputError(describeZodError(result.error, { root: what }));
}
