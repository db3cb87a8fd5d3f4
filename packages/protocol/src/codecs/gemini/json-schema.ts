import { normalizeKeys } from './schema.js';
import { isPlainObject, type JsonObject } from './values.js';

/**
 * Gemini's `Schema` (used by `parameters` and `responseSchema`) is an OpenAPI 3.0 subset:
 * upper-case type names (`"OBJECT"`, `"STRING"`), `nullable`, `propertyOrdering`. The IR
 * holds JSON Schema, so on decode: type names are lower-cased, `nullable: true` becomes a
 * `[type, "null"]` type, and `propertyOrdering` is dropped (JSON Schema keeps property
 * order as key order). Every other keyword is kept as is. Sub-schemas are followed
 * through `properties`, `items` and `anyOf`; property names are never rewritten.
 */
export function openApiToJsonSchema(schema: JsonObject): JsonObject {
  return convert(schema) as JsonObject;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  const node = normalizeKeys(value);
  if (!isPlainObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(node)) {
    switch (key) {
      case 'type':
        out.type = typeof v === 'string' ? v.toLowerCase() : v;
        break;
      case 'properties':
        out.properties = isPlainObject(v)
          ? Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, convert(sub)]))
          : v;
        break;
      case 'items':
      case 'anyOf':
        out[key] = convert(v);
        break;
      case 'nullable':
      case 'propertyOrdering':
        break;
      default:
        out[key] = v;
    }
  }
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}
