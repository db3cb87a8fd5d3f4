// Writing the three kinds of answer: a Bedrock error, an InvokeModel JSON body, and
// an InvokeModelWithResponseStream event stream.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { errorTypeHeader, STREAM_EXCEPTION_MESSAGES, type BedrockError } from './errors.js';
import { chunkMessage, exceptionMessage } from './event-stream.js';
import { messageBody, messageStop, streamEvents } from './anthropic-message.js';
import type { BedrockPlan } from './plan.js';
import type { MockBedrockScript } from './types.js';

export function sendError(res: ServerResponse, e: BedrockError): void {
  const text = JSON.stringify({ message: e.message });
  res.writeHead(e.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    'x-amzn-errortype': errorTypeHeader(e.type),
  });
  res.end(text);
}

export function sendMessage(res: ServerResponse, plan: BedrockPlan, startedAt: number): void {
  const text = JSON.stringify(messageBody(plan));
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    // InvokeModel also reports usage in headers, which some clients read instead of the body.
    'x-amzn-bedrock-invocation-latency': String(Date.now() - startedAt),
    'x-amzn-bedrock-input-token-count': String(plan.inputTokens),
    'x-amzn-bedrock-output-token-count': String(plan.outputTokens),
  });
  res.end(text);
}

/**
 * Streams the plan. With `script.exception`, the stream stops after the first
 * content delta with that exception message, as when Bedrock fails mid-generation.
 */
export async function sendStream(res: ServerResponse, plan: BedrockPlan, script: MockBedrockScript, startedAt: number): Promise<void> {
  res.writeHead(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    'x-amzn-requestid': randomUUID(),
    'x-amzn-bedrock-content-type': 'application/json',
  });
  const delay = script.chunkDelayMs ?? 0;
  let firstByteAt: number | undefined;
  const write = async (frame: Buffer): Promise<boolean> => {
    if (firstByteAt !== undefined && delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (res.destroyed) return false; // the client went away; nothing to write to
    firstByteAt ??= Date.now();
    res.write(frame);
    return true;
  };

  for (const event of streamEvents(plan)) {
    if (!(await write(chunkMessage(event)))) return;
    if (script.exception && event.type === 'content_block_delta') {
      const message = script.errorMessage ?? STREAM_EXCEPTION_MESSAGES[script.exception] ?? 'Stream error.';
      if (await write(exceptionMessage(script.exception, message))) res.end();
      return;
    }
  }
  const metrics = {
    inputTokenCount: plan.inputTokens,
    outputTokenCount: plan.outputTokens,
    invocationLatency: Date.now() - startedAt,
    firstByteLatency: (firstByteAt ?? Date.now()) - startedAt,
  };
  if (await write(chunkMessage(messageStop(metrics)))) res.end();
}
