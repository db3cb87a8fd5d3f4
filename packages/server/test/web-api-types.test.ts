import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, stopAll, type TestServer } from './harness.js';

// The web app's API types (packages/web/src/lib/api/schema.d.ts) are generated from this
// server's OpenAPI document and committed. This test regenerates them from the live document
// and fails when the committed file differs, so the front end cannot drift from the routes.
// After changing a route: UPDATE_WEB_API_TYPES=1 npx vitest run packages/server/test/web-api-types.test.ts
const schemaFile = new URL('../../web/src/lib/api/schema.d.ts', import.meta.url);
const header = '// Generated from /api/openapi.json by packages/server/test/web-api-types.test.ts: do not edit.\n\n';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(stopAll);

describe('the web app API types', () => {
  it('match the OpenAPI document the server serves', async () => {
    const doc = await server.api<Parameters<typeof openapiTS>[0]>('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    const generated = header + astToString(await openapiTS(doc.body));
    if (process.env.UPDATE_WEB_API_TYPES === '1') writeFileSync(schemaFile, generated);
    expect(readFileSync(schemaFile, 'utf8'), 'schema.d.ts is stale: run this test with UPDATE_WEB_API_TYPES=1').toBe(generated);
  });
});
