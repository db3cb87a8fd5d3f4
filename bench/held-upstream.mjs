// An upstream whose answers never finish, for the chat phase's memory figure: it answers every
// streamed chat completion with one content chunk and then holds the stream open until the
// caller closes it, so a chat job stays "generating" for as long as the bench needs clients
// attached to it.
//   node bench/held-upstream.mjs <port>
import { createServer } from 'node:http';

const port = Number(process.argv[2]);

const server = createServer((req, res) => {
  // Answer once the request has arrived whole; what it asks does not change the answer.
  req.resume();
  req.once('end', () => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found","type":"invalid_request_error"}}');
      return;
    }
    const chunk = {
      id: 'chatcmpl-held',
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: 'held',
      choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello' }, logprobs: null, finish_reason: null }],
    };
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  });
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`held upstream listening http://127.0.0.1:${port}\n`));
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
