import { parseServiceAccount, ServiceAccountError, type ServiceAccount } from './service-account.js';

/** A Vertex channel key: `REGION|<service-account JSON>` or `REGION|PROJECT_ID|<service-account JSON>`. */
export interface VertexKey {
  region: string;
  projectId: string;
  account: ServiceAccount;
}

const VERTEX_KEY_FORMAT = 'REGION|<service-account JSON on one line>  or  REGION|PROJECT_ID|<service-account JSON>';

// Both become part of a host name or path, so only their documented shapes are accepted.
const REGION = /^(?:global|[a-z]+-[a-z]+\d+)$/;
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$|^[a-z0-9.-]+:[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

// Parsing JSON and a PEM key per request would be wasted work: keys are few and fixed.
const parsed = new Map<string, VertexKey>();
const MAX_CACHED = 256;

/** Throws ServiceAccountError naming the malformed part; it never repeats the key. */
export function parseVertexKey(key: string): VertexKey {
  const hit = parsed.get(key);
  if (hit) return hit;
  const first = key.indexOf('|');
  if (first === -1) throw new ServiceAccountError(`Vertex key must be ${VERTEX_KEY_FORMAT}`);
  const region = key.slice(0, first).trim();
  let rest = key.slice(first + 1).trim();
  let projectOverride: string | undefined;
  // The JSON starts with '{'; anything before a second '|' is the project.
  if (!rest.startsWith('{')) {
    const second = rest.indexOf('|');
    if (second === -1) throw new ServiceAccountError(`Vertex key must be ${VERTEX_KEY_FORMAT}`);
    projectOverride = rest.slice(0, second).trim();
    rest = rest.slice(second + 1).trim();
  }
  if (!REGION.test(region)) throw new ServiceAccountError(`Vertex key: "${region.slice(0, 32)}" is not a Google Cloud region (e.g. us-east5, global)`);
  if (projectOverride !== undefined && !PROJECT.test(projectOverride)) {
    throw new ServiceAccountError(`Vertex key: "${projectOverride.slice(0, 64)}" is not a Google Cloud project id`);
  }
  const account = parseServiceAccount(rest);
  const result: VertexKey = { region, projectId: projectOverride ?? account.projectId, account };
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(key, result);
  return result;
}
