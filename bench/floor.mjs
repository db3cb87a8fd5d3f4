// The reference "floor" relay: the least any Node gateway can do. Reads the body, parses and
// re-stringifies it, forwards it over one undici Pool with a fixed upstream key, and returns
// the JSON or pipes the SSE stream through. No auth, routing, logging or accounting.
//   node bench/floor.mjs <port> <upstream origin, e.g. http://127.0.0.1:9100>
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';

const { Pool } = createRequire(new URL('../packages/server/package.json', import.meta.url))('undici');
const [port, upstream] = [Number(process.argv[2]), process.argv[3]];
const pool = new Pool(upstream, { connections: 512, keepAliveTimeout: 30_000 });
const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-floor-upstream' };

const server = createServer(async (req, res) => {
  try {
    const parts = [];
    for await (const part of req) parts.push(part);
    const body = JSON.parse(Buffer.concat(parts).toString('utf8'));
    const up = await pool.request({ path: '/v1/chat/completions', method: 'POST', headers, body: JSON.stringify(body) });
    const type = up.headers['content-type'] ?? 'application/json';
    if (body.stream === true) {
      res.writeHead(up.statusCode, { 'content-type': type, 'cache-control': 'no-cache' });
      return await pipeline(up.body, res);
    }
    const text = await up.body.text();
    res.writeHead(up.statusCode, { 'content-type': type, 'content-length': Buffer.byteLength(text) }).end(text);
  } catch (err) {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: String(err?.message ?? err), type: 'floor_error' } }));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`floor listening http://127.0.0.1:${port}\n`));
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
