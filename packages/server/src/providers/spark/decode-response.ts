import { IrInputError, type IrAssistantPart, type IrResponse, type IrUsage } from '@switchboard/protocol';
import { toolCallId } from './tool-call-id.js';
import { usageToIr } from './usage.js';
import { frameSchema, LAST_FRAME, type SparkFrame } from './wire.js';

/**
 * The frames of one Spark exchange → IR answer. Spark always streams; the transport collects a
 * non-stream call's frames into a JSON array, which is what this reads (a single frame is
 * accepted too). Text and X1 `reasoning_content` are concatenated across frames; every
 * `function_call` is one tool call (ids from the sid, see tool-call-id.ts). The id is the
 * `sid`; frames carry neither model nor time, so `model` is "" and `created` 0 (the relay
 * fills in the time). Spark reports no finish reason: an answer is complete when its last
 * frame (`status` 2) arrived, and its stop reason is tool calls when it made some, else end —
 * so a cut at `max_tokens` reads as a natural end. Error frames are the codec's
 * `decodeError`'s business; here they make the body "not an answer".
 */
export function decodeResponse(body: unknown): IrResponse {
  const frames = (Array.isArray(body) ? body : [body]).map(parseFrame);
  let reasoning = '';
  let text = '';
  const calls: IrAssistantPart[] = [];
  let usage: IrUsage | undefined;
  let complete = false;
  const sid = frames.find((f) => f.header.sid)?.header.sid ?? '';

  for (const frame of frames) {
    for (const item of frame.payload?.choices?.text ?? []) {
      reasoning += item.reasoning_content ?? '';
      text += item.content ?? '';
      const call = item.function_call;
      if (call) calls.push({ type: 'tool-call', id: toolCallId(sid, calls.length), name: call.name ?? '', arguments: call.arguments || '{}' });
    }
    const u = frame.payload?.usage?.text;
    if (u) usage = usageToIr(u) ?? usage;
    if (frame.header.status === LAST_FRAME || frame.payload?.choices?.status === LAST_FRAME) complete = true;
  }
  if (!complete) throw new IrInputError('not a complete Spark answer: the last frame (status 2) is missing');

  const content: IrAssistantPart[] = [];
  if (reasoning !== '') content.push({ type: 'reasoning', text: reasoning });
  if (text !== '') content.push({ type: 'text', text });
  content.push(...calls);
  const ir: IrResponse = { id: sid, model: '', created: 0, content, stopReason: calls.length > 0 ? 'tool-calls' : 'end' };
  if (usage) ir.usage = usage;
  return ir;
}

function parseFrame(value: unknown): SparkFrame {
  const parsed = frameSchema.safeParse(value);
  if (!parsed.success) throw new IrInputError(`not a Spark answer: ${parsed.error.issues[0]?.message ?? 'invalid frame'}`);
  const code = parsed.data.header.code;
  if (typeof code === 'number' && code !== 0) throw new IrInputError(`not a Spark answer: frame with error code ${code}`);
  return parsed.data;
}
