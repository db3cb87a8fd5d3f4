// POST /v1/completions, the legacy text completion API: a `text_completion` object,
// or an SSE stream of chunks ending with a finish_reason chunk, an optional usage
// chunk (`choices: []`, with stream_options.include_usage) and `data: [DONE]`.
import type { ServerResponse } from 'node:http';
import { randomId } from '../ids.js';
import { splitOnWords } from '../split.js';
import { invalidParameter, missingParameter } from './errors.js';
import { sendError, sendJson } from './reply.js';
import { countTokens, inputItems } from './tokens.js';
import { str, type Endpoint } from './context.js';

export const completions: Endpoint = {
  body: 'json',
  async handle({ res, body, script, completionText }) {
    const model = str(body, 'model');
    if (!model) return sendError(res, missingParameter('model'));
    if (body.prompt === undefined) return sendError(res, missingParameter('prompt'));
    const prompts = inputItems(body.prompt);
    if (!prompts) return sendError(res, invalidParameter('prompt', "'$.prompt' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference."));
    const text = script.text ?? completionText;
    const promptTokens = prompts.reduce((n, p) => n + countTokens(p), 0);
    const completionTokens = countTokens(text) * prompts.length;
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    const head = { id: randomId('cmpl-', 29), object: 'text_completion', created: Math.floor(Date.now() / 1000), model };
    if (body.stream !== true) {
      return sendJson(res, 200, {
        ...head,
        choices: prompts.map((_, index) => ({ text, index, logprobs: null, finish_reason: 'stop' })),
        usage,
      });
    }
    const options = body.stream_options as { include_usage?: unknown } | undefined;
    await stream(res, head, prompts.length, text, options?.include_usage === true ? usage : undefined);
  },
};

async function stream(res: ServerResponse, head: object, prompts: number, text: string, usage: object | undefined): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  // With include_usage OpenAI adds `usage: null` to every chunk but the last.
  const extra = usage ? { usage: null } : {};
  const send = (data: object | string) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  for (let index = 0; index < prompts; index++) {
    for (const piece of splitOnWords(text, 5)) {
      if (res.destroyed) return;
      send({ ...head, choices: [{ text: piece, index, logprobs: null, finish_reason: null }], ...extra });
      await new Promise((r) => setImmediate(r)); // separate writes, so clients see a real stream
    }
    send({ ...head, choices: [{ text: '', index, logprobs: null, finish_reason: 'stop' }], ...extra });
  }
  if (usage) send({ ...head, choices: [], usage });
  send('[DONE]');
  res.end();
}
