import type { z } from 'zod';
import { clipped, ISSUE_MESSAGE_MAX } from './echo.js';

/**
 * The one way a validation failure is told to a caller, in every protocol: each failing field
 * named by its path, `messages.1.role: Invalid option: …; max_tokens: Required (expected number)`.
 */
type Issue = z.core.$ZodIssue;

export interface IssueFormat {
  /** Path put before every issue's own path, e.g. `input.2` when a nested item was parsed alone. */
  prefix?: string;
  /** What an issue about the value itself is called (`body`); without it the message stands alone. */
  root?: string;
  /** Google's path style, `contents[0].parts[1]`, instead of `contents.0.parts.1`. */
  brackets?: boolean;
  /** At most this many fields are named; the rest are counted. */
  max?: number;
}

interface Line {
  path: PropertyKey[];
  message: string;
}

export function describeZodError(error: z.ZodError | readonly Issue[], format: IssueFormat = {}): string {
  const issues = 'issues' in error ? error.issues : error;
  const prefix = format.prefix ? format.prefix.split('.') : [];
  const lines = [...new Set(issues.flatMap((issue) => describe(issue, prefix)).map((line) => render(line, format)))];
  const max = format.max ?? 5;
  const shown = lines.slice(0, max).join('; ');
  return lines.length > max ? `${shown} (and ${lines.length - max} more)` : shown;
}

const MISSING = /^Invalid input: expected (\w+), received undefined$/;

/** `Required (expected string)` for a missing field; zod's own message otherwise. */
function messageOf(message: string): string {
  const missing = MISSING.exec(message);
  return missing ? `Required (expected ${missing[1]!})` : message;
}

function describe(issue: Issue, prefix: PropertyKey[]): Line[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
    return [{ path, message: messageOf(issue.message) }];
  }
  // A union failed in every branch, where zod only says "Invalid input": report the branch that
  // got furthest into the value (content is a string or an array of parts: a bad part inside
  // the array matters, not "expected string").
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
      const missing = issue.errors.every((branch) => branch.some((inner) => MISSING.test(inner.message)));
      const types = [...new Set(expected)].join(' or ');
      const received = /, received (\w+)$/.exec(issue.errors[0]?.[0]?.message ?? '')?.[1];
      if (missing) return [{ path, message: `Required (expected ${types})` }];
      return [{ path, message: `Invalid input: expected ${types}${received ? `, received ${received}` : ''}` }];
    }
  }
  return best;
}

/** Path segments and messages are capped: they can quote the caller's input (keys, custom messages). */
function render({ path, message: full }: Line, format: IssueFormat): string {
  const message = clipped(full, ISSUE_MESSAGE_MAX);
  const where = format.brackets ? bracketPath(path) : path.map((key) => clipped(String(key))).join('.');
  if (where) return `${where}: ${message}`;
  return format.root ? `${format.root}: ${message}` : message;
}

function bracketPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number' || /^\d+$/.test(String(key))) out += `[${String(key)}]`;
    else out += out ? `.${clipped(String(key))}` : clipped(String(key));
  }
  return out;
}
