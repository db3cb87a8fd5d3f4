/**
 * A strict check of a value against the JSON Schema subset `z.toJSONSchema` writes: objects
 * (properties, required, additionalProperties), arrays, scalars with enum/const, anyOf/oneOf
 * (nullable fields), and local $refs. Strict: an object field the schema does not declare is a
 * problem, as is a required one that is missing. Returns the problems, each with its path.
 */
export type JsonSchema = Record<string, unknown>;

export function schemaProblems(schema: JsonSchema, value: unknown, root: JsonSchema = schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    return schemaProblems(target as JsonSchema, value, root, path);
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const results = alternatives.map((alt) => schemaProblems(alt, value, root, path));
    if (results.some((r) => r.length === 0)) return [];
    // Report the branch that matched the value's type, else the first.
    return results.find((r) => !r.some((p) => p.includes('expected type'))) ?? results[0]!;
  }
  if (schema.const !== undefined && value !== schema.const) return [`${path}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const type = schema.type as string | string[] | undefined;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((t) => isType(t, value))) return [`${path}: expected type ${types.join('|')}, got ${describe(value)}`];
  }
  if (isObject(value) && (schema.properties !== undefined || schema.additionalProperties !== undefined)) {
    const problems: string[] = [];
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in value)) problems.push(`${path}.${name}: missing`);
    for (const [name, field] of Object.entries(value)) {
      const declared = properties[name];
      if (declared) problems.push(...schemaProblems(declared, field, root, `${path}.${name}`));
      else if (isObject(schema.additionalProperties)) problems.push(...schemaProblems(schema.additionalProperties, field, root, `${path}.${name}`));
      else if (schema.additionalProperties !== true) problems.push(`${path}.${name}: not declared`);
    }
    return problems;
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    const items = schema.items;
    return value.flatMap((item, i) => schemaProblems(items, item, root, `${path}[${i}]`));
  }
  return [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isType(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      return true;
  }
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
