import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const cwd = () => mkdtempSync(join(tmpdir(), 'sb-config-'));

describe('configuration', () => {
  it('has working defaults: port 3000, SQLite in ./data, memory cache', () => {
    const dir = cwd();
    const config = loadConfig({}, dir);
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: join(dir, 'data', 'switchboard.db') });
    expect(config.redisUrl).toBeUndefined();
    expect(config.production).toBe(false);
  });

  it('selects PostgreSQL and MySQL/MariaDB from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }, cwd()).database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(loadConfig({ DATABASE_URL: 'mariadb://u@h/db' }, cwd()).database).toEqual({ kind: 'mysql', url: 'mysql://u@h/db' });
  });

  it('stops with a message naming the setting and the problem', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        loadConfig(env, cwd());
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(attempt({ PORT: 'abc' })).toMatch(/PORT: .*"abc"/);
    expect(attempt({ PORT: '70000' })).toContain('PORT');
    expect(attempt({ DATABASE_URL: 'oracle://x' })).toContain('DATABASE_URL: must start with');
    expect(attempt({ REDIS_URL: 'localhost:6379' })).toContain('REDIS_URL');
    expect(attempt({ LOG_LEVEL: 'loud' })).toContain('LOG_LEVEL');
    const secret = attempt({ SECRET: 'short-secret' });
    expect(secret).toContain('SECRET: must be at least 32 characters');
    expect(secret).not.toContain('short-secret');
  });

  it('requires SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, cwd())).toThrow(/SECRET: is required/);
    expect(loadConfig({ NODE_ENV: 'production', SECRET: 'x'.repeat(32) }, cwd()).production).toBe(true);
  });

  it('reads an optional JSON config file; the environment wins', () => {
    const dir = cwd();
    writeFileSync(join(dir, 'switchboard.config.json'), JSON.stringify({ PORT: 4000, LOG_LEVEL: 'warn' }));
    expect(loadConfig({}, dir)).toMatchObject({ port: 4000, logLevel: 'warn' });
    expect(loadConfig({ PORT: '5000' }, dir).port).toBe(5000);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ PORTT: 1 }));
    expect(() => loadConfig({ CONFIG_FILE: 'bad.json' }, dir)).toThrow(/unknown setting PORTT/);
    expect(() => loadConfig({ CONFIG_FILE: 'missing.json' }, dir)).toThrow(/does not exist/);
  });
});
