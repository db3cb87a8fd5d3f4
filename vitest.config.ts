import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources in tests, so `npm test`
// never runs against a stale dist/ build.
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));
const alias = [
  {
    find: /^@switchboard\/protocol\/codecs\/(.+)$/,
    replacement: fileURLToPath(new URL('./packages/protocol/src/codecs/$1/index.ts', import.meta.url)),
  },
  { find: /^@switchboard\/protocol$/, replacement: src('protocol') },
  { find: /^@switchboard\/testkit$/, replacement: src('testkit') },
  // The web app's own root alias (packages/web/vite.config.ts).
  { find: /^@\//, replacement: fileURLToPath(new URL('./packages/web/src/', import.meta.url)) },
];

// The integration suite runs once per database backend. SQLite (with the in-memory
// cache) always runs; PostgreSQL and MariaDB join when CI provides their URLs.
// Redis rides along with PostgreSQL so pub/sub and shared caches are exercised there.
type Backend = { name: string; env: Record<string, string> };
const backends: Backend[] = [{ name: 'sqlite', env: { SB_TEST_DB: 'sqlite' } }];
if (process.env.TEST_POSTGRES_URL) {
  backends.push({
    name: process.env.TEST_REDIS_URL ? 'postgres+redis' : 'postgres',
    env: { SB_TEST_DB: 'postgres', ...(process.env.TEST_REDIS_URL ? { SB_TEST_REDIS: '1' } : {}) },
  });
}
if (process.env.TEST_MYSQL_URL) backends.push({ name: 'mariadb', env: { SB_TEST_DB: 'mysql' } });
if (process.env.TEST_REDIS_URL && !process.env.TEST_POSTGRES_URL) {
  backends.push({ name: 'sqlite+redis', env: { SB_TEST_DB: 'sqlite', SB_TEST_REDIS: '1' } });
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The build scripts, tested by running them and the programs they produce.
        test: {
          name: 'tooling',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The browser suite: the built web app in Chromium against the real server. It drives
        // the app, not the database, so it runs once, on SQLite; one file at a time, after the
        // other projects (groupOrder), so a browser never competes with them for the two cores.
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          env: { SB_TEST_DB: 'sqlite' },
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      ...backends.map((b) => ({
        resolve: { alias },
        test: {
          name: `integration:${b.name}`,
          include: ['packages/server/test/**/*.test.ts'],
          environment: 'node',
          env: b.env,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
    ],
  },
});
