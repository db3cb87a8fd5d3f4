import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from './zod-issues.js';

const schema = z.object({
  model: z.string(),
  contents: z.array(z.object({ parts: z.array(z.object({ text: z.string() })) })),
  content: z.union([z.string(), z.array(z.object({ type: z.literal('text'), text: z.string() }))]).optional(),
});
const issues = (value: unknown) => schema.safeParse(value).error!;

describe('describeZodError', () => {
  it('names each failing field, a missing one with the type it needs', () => {
    expect(describeZodError(issues({ contents: [{ parts: [{ text: 1 }] }] }))).toBe(
      'model: Required (expected string); contents.0.parts.0.text: Invalid input: expected string, received number',
    );
  });

  it("writes Google's bracket paths, a prefix, and a name for the value itself", () => {
    expect(describeZodError(issues({ model: 'm', contents: [{ parts: [{}] }] }), { brackets: true })).toBe(
      'contents[0].parts[0].text: Required (expected string)',
    );
    expect(describeZodError(issues({ model: 'm', contents: [], content: 3 }), { prefix: 'input.2' })).toBe(
      'input.2.content: Invalid input: expected string or array, received number',
    );
    expect(describeZodError(z.string().safeParse(5).error!, { root: 'body' })).toBe('body: Invalid input: expected string, received number');
  });

  it('follows the union branch that got furthest into the value', () => {
    expect(describeZodError(issues({ model: 'm', contents: [], content: [{ type: 'text' }] }))).toBe(
      'content.0.text: Required (expected string)',
    );
  });

  it('counts what it leaves out', () => {
    const many = z.object({ a: z.string(), b: z.string(), c: z.string() }).safeParse({}).error!;
    expect(describeZodError(many, { max: 2 })).toBe('a: Required (expected string); b: Required (expected string) (and 1 more)');
  });
});
