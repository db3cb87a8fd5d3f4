// The frames the Spark mock answers with, shaped like the examples of iFlytek's Web API
// document: header {code, message, sid, status}, payload.choices {status, seq, text[]}, and
// usage.text only on the last frame (status 2). Errors are a bare header with code ≠ 0.
import { DEFAULT_NATIVE_TEXT, pieces, usageOf, type NativeMockOptions } from '../script.js';

export type SparkFrame = Record<string, unknown>;

/** Input moderation refused the question (what a request for the fail model or text gets). */
export const INPUT_REJECTED = { code: 10013, message: '输入内容审核不通过，涉嫌违规，请重新调整输入内容' };
/** Output moderation stopped the answer midway. */
const OUTPUT_REJECTED = { code: 10014, message: '输出内容涉及敏感信息，审核不通过，后续结果无法展示给用户' };

export function errorFrame(sid: string, error: { code: number; message: string }): SparkFrame {
  return { header: { code: error.code, message: error.message, sid, status: 2 } };
}

/**
 * A whole answer: X1-style `reasoning_content` pieces, then the text in pieces; the last piece
 * (or the scripted function call) rides on the final frame with the usage. With `failMidway`
 * the first frame is followed by an output-moderation error.
 */
export function answerFrames(opts: NativeMockOptions & { pieces?: number }, sid: string, failMidway: boolean): SparkFrame[] {
  const n = opts.pieces ?? 3;
  const entries: Array<Record<string, unknown>> = [
    ...pieces(opts.reasoning ?? '', n).map((r) => ({ content: '', reasoning_content: r, role: 'assistant', index: 0 })),
    ...pieces(opts.text ?? DEFAULT_NATIVE_TEXT, n).map((c) => ({ content: c, role: 'assistant', index: 0 })),
  ];
  const call = opts.toolCall;
  if (call) entries.push({ content: '', role: 'assistant', index: 0, function_call: { name: call.name, arguments: call.arguments } });
  if (entries.length === 0) entries.push({ content: '', role: 'assistant', index: 0 });
  if (failMidway) return [frame(sid, 0, 0, entries[0]!), errorFrame(sid, OUTPUT_REJECTED)];

  const usage = usageOf(opts);
  return entries.map((entry, seq) => {
    const last = seq === entries.length - 1;
    const f = frame(sid, last ? 2 : seq === 0 ? 0 : 1, seq, entry);
    if (last) {
      (f.payload as Record<string, unknown>).usage = {
        text: { question_tokens: Math.min(4, usage.input), prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
      };
    }
    return f;
  });
}

function frame(sid: string, status: number, seq: number, entry: Record<string, unknown>): SparkFrame {
  return {
    header: { code: 0, message: 'Success', sid, status },
    payload: { choices: { status, seq, text: [entry] } },
  };
}
