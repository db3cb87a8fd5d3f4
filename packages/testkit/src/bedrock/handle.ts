// One Bedrock runtime request: authenticate (SigV4), route, validate, then answer
// from the next queued script. The order follows AWS: the front door rejects bad
// signatures before the service looks at the path or the body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorForStatus } from './errors.js';
import { planAnswer } from './plan.js';
import { sendError, sendMessage, sendStream } from './respond.js';
import { validateBody } from './validate.js';
import { verifySigV4, type VerifyConfig } from './verify-sigv4.js';
import type { MockBedrockScript } from './types.js';

export interface BedrockState {
  verify: VerifyConfig;
  defaultText: string;
  queue: MockBedrockScript[];
}

const ROUTE = /^\/model\/([^/]+)\/(invoke|invoke-with-response-stream)$/;

export function handleBedrock(state: BedrockState, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, raw: Buffer, body: unknown): void {
  const startedAt = Date.now();
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  const authFailure = verifySigV4(state.verify, { method, target, headers, body: raw });
  if (authFailure) return sendError(res, authFailure);

  const path = target.split('?')[0] ?? '';
  const m = ROUTE.exec(path);
  if (method !== 'POST' || !m) return sendError(res, { status: 404, type: 'UnknownOperationException', message: `Unknown operation ${method} ${path}` });
  const modelId = decodeModelId(m[1]!);
  if (modelId === undefined) return sendError(res, errorForStatus(400, 'The provided model identifier is invalid.'));

  const checked = validateBody(body);
  if ('error' in checked) return sendError(res, checked.error);

  const script = state.queue.shift() ?? {};
  if (script.status !== undefined && script.status >= 400) return sendError(res, errorForStatus(script.status, script.errorMessage));
  const plan = planAnswer(modelId, checked.ok, script, state.defaultText);
  if (m[2] === 'invoke') return sendMessage(res, plan, startedAt);
  void sendStream(res, plan, script, startedAt);
}

function decodeModelId(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
