import type { z } from 'zod';
import { clipped } from '../../echo.js';
import { IrInputError } from '../../ir.js';

/**
 * Validation helpers shared by the Anthropic decoders: one error map (a missing field says
 * "Required") and one formatter that turns zod issues into a readable, field-naming message
 * such as `max_tokens: Required; messages.0.role: Invalid option: …`.
 */

type Issue = z.core.$ZodIssue;

/** zod error map: a missing value reads "Required"; everything else keeps zod's message. */
export const wireErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : undefined;

/** Validates `value`; throws IrInputError naming every failing field. */
export function parseWire<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value, { error: wireErrorMap });
  if (result.success) return result.data;
  throw new IrInputError(formatIssues(result.error.issues, what));
}

/** `path: message` lines joined with "; " (an empty path is named by `what`). */
export function formatIssues(issues: readonly Issue[], what: string): string {
  const lines = issues.flatMap((issue) => describe(issue, []));
  const unique = [
    ...new Set(lines.map(({ path, message }) => `${path.length > 0 ? path.map((p) => clipped(String(p))).join('.') : what}: ${clipped(message, 200)}`)),
  ];
  // Every field named would let one body of many bad fields make an answer as large as itself.
  return unique.length > 5 ? `${unique.slice(0, 5).join('; ')} (and ${unique.length - 5} more)` : unique.join('; ');
}

interface Line {
  path: PropertyKey[];
  message: string;
}

function describe(issue: Issue, prefix: PropertyKey[]): Line[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ path, message: issue.message }];
  // A union failed in every branch: report the branch that got furthest into the value
  // (e.g. "content" is a string or an array: a bad block inside the array matters, not
  // "expected string").
  const branches = issue.errors.map((branch) => branch.flatMap((inner) => describe(inner, path)));
  const depth = (lines: Line[]) => Math.max(...lines.map((l) => l.path.length));
  let best = branches[0] ?? [];
  for (const branch of branches) if (depth(branch) > depth(best)) best = branch;
  if (depth(best) === path.length) {
    // Nothing got past the value itself: say which types would have been accepted.
    const expected = issue.errors.flatMap((branch) =>
      branch.flatMap((inner) => (inner.code === 'invalid_type' && inner.path.length === 0 ? [inner.expected] : [])),
    );
    if (expected.length === issue.errors.length) {
      return [{ path, message: `Invalid input: expected ${[...new Set(expected)].join(' or ')}` }];
    }
  }
  return best;
}
