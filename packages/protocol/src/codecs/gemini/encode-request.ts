import { dropForeignExtra } from '../../dropped.js';
import { IrInputError, irText } from '../../ir.js';
import type { IrEncodeContext, IrMessage, IrReasoningConfig, IrRequest, IrTool, IrToolChoice } from '../../ir.js';
import { encodeAssistantParts, encodeUserPart } from './encode-parts.js';
import type { GeminiOutContent, GeminiOutPart } from './schema.js';
import { isPlainObject, parseJsonObject, type JsonObject } from './values.js';

/**
 * IR request → Gemini `generateContent` body. The model and `stream` are NOT in the body:
 * the provider adapter puts them in the URL (`models/{model}:generateContent`, or
 * `:streamGenerateContent?alt=sse`).
 *
 * What this drops or approximates:
 * - roles: user and tool → "user", assistant → "model"; consecutive messages of the same
 *   role are merged into one Content (tool results followed by user text become one turn).
 * - tool-call ids are not sent (Gemini matches `functionResponse` to `functionCall` by
 *   name and order; Vertex AI rejects ids). A tool result's function name is its
 *   `name`, else the name of the earlier tool call with its id.
 * - tool result → `functionResponse.response`: the text parsed when it is a JSON object,
 *   else `{"output": text}` (Google's documented key); errors → `{"error": …}`. Images in
 *   a tool result follow the functionResponse as separate parts of the same turn.
 * - unsigned reasoning (OpenAI-compatible `reasoning_content`) and Anthropic redacted
 *   thinking are dropped; signed reasoning is sent back as a thought part.
 * - tool `parameters` go out as `parametersJsonSchema` (full JSON Schema, accepted by
 *   current Gemini models) rather than `parameters` (OpenAPI subset); `strict` and
 *   `cacheControl` are dropped; `parallelToolCalls`, `user`, `streamUsage` have no
 *   Gemini field.
 * - json_schema response formats → `responseMimeType: application/json` +
 *   `responseJsonSchema`; the schema `name`, `description` and `strict` are dropped.
 * - reasoning: `budgetTokens` → `thinkingBudget` (capped at 32768, the largest budget a
 *   Gemini model takes); `effort` alone → `thinkingBudget` by EFFORT_THINKING_BUDGET;
 *   `includeThoughts` defaults to true whenever thinking is asked for.
 * - mid-conversation system messages are appended to `systemInstruction` (Gemini has no
 *   system turn, so their position is not kept).
 * - `extra` (only when it came from Gemini) is merged back: fields the IR did not set are
 *   added, built-in tools are appended to `tools`; another protocol's is recorded as dropped.
 */
export function encodeRequest(ir: IrRequest, ctx?: IrEncodeContext): Record<string, unknown> {
  dropForeignExtra(ir, 'gemini', ctx?.dropped);
  const extra = ir.extra?.protocol === 'gemini' ? ir.extra.fields : undefined;
  const body: JsonObject = {};
  const system = [...(ir.system ?? []), ...ir.messages.flatMap((m) => (m.role === 'system' ? m.content : []))];
  if (system.length > 0) {
    body.systemInstruction = { parts: system.map((p) => ({ text: p.text })) };
  }
  body.contents = encodeMessages(ir.messages);
  if (ir.tools && ir.tools.length > 0) body.tools = [{ functionDeclarations: ir.tools.map(encodeTool) }];
  if (ir.toolChoice) body.toolConfig = { functionCallingConfig: encodeToolChoice(ir.toolChoice) };
  const generationConfig = encodeGenerationConfig(ir, extra);
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  if (extra) mergeExtra(body, extra);
  return body;
}

/**
 * Thinking budget for an IR `effort` without a budget. Chosen to be valid on every
 * Gemini 2.5 model (Pro 128–32768, Flash 0–24576, Flash-Lite 512–24576) and, for "high",
 * the Flash maximum.
 */
export const EFFORT_THINKING_BUDGET: Record<NonNullable<IrReasoningConfig['effort']>, number> = {
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24576,
};

const MAX_THINKING_BUDGET = 32768;

function encodeMessages(messages: readonly IrMessage[]): GeminiOutContent[] {
  const contents: GeminiOutContent[] = [];
  const callNames = new Map<string, string>();
  const push = (role: GeminiOutContent['role'], parts: GeminiOutPart[]): void => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  messages.forEach((message, mi) => {
    switch (message.role) {
      case 'user':
        push('user', definedParts(message.content.map(encodeUserPart)));
        break;
      case 'assistant':
        for (const part of message.content) if (part.type === 'tool-call') callNames.set(part.id, part.name);
        push('model', encodeAssistantParts(message.content, { callIds: false, unsignedReasoning: 'drop' }));
        break;
      case 'tool': {
        const name = message.name ?? callNames.get(message.toolCallId);
        if (name === undefined) {
          throw new IrInputError(
            `messages[${mi}]: the tool result for call "${message.toolCallId}" has no function name and no earlier tool call with that id; Gemini needs the function name`,
          );
        }
        const response = encodeToolResult(irText(message.content), message.isError === true);
        const images = message.content.filter((p) => p.type === 'image').map(encodeUserPart);
        push('user', [{ functionResponse: { name, response } }, ...definedParts(images)]);
        break;
      }
      case 'system':
        break; // joined to `systemInstruction`
    }
  });
  return contents;
}

function definedParts(parts: ReadonlyArray<GeminiOutPart | undefined>): GeminiOutPart[] {
  return parts.filter((p): p is GeminiOutPart => p !== undefined);
}

function encodeToolResult(text: string, isError: boolean): JsonObject {
  const parsed = parseJsonObject(text);
  if (isError) return { error: parsed ?? text };
  return parsed ?? { output: text };
}

function encodeTool(tool: IrTool): JsonObject {
  const declaration: JsonObject = { name: tool.name };
  if (tool.description !== undefined) declaration.description = tool.description;
  if (!isEmptyObjectSchema(tool.parameters)) declaration.parametersJsonSchema = tool.parameters;
  return declaration;
}

/** `{}`, `{type: "object"}` or `{type: "object", properties: {}}`: a function without parameters. */
function isEmptyObjectSchema(schema: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'type' && value === 'object') continue;
    if (key === 'properties' && isPlainObject(value) && Object.keys(value).length === 0) continue;
    return false;
  }
  return true;
}

function encodeToolChoice(choice: IrToolChoice): JsonObject {
  switch (choice.type) {
    case 'auto':
      return { mode: 'AUTO' };
    case 'none':
      return { mode: 'NONE' };
    case 'required':
      return { mode: 'ANY' };
    case 'tool':
      return { mode: 'ANY', allowedFunctionNames: [choice.name] };
  }
}

function encodeGenerationConfig(ir: IrRequest, extra: JsonObject | undefined): JsonObject {
  const gc: JsonObject = {};
  if (ir.temperature !== undefined) gc.temperature = ir.temperature;
  if (ir.topP !== undefined) gc.topP = ir.topP;
  if (ir.topK !== undefined) gc.topK = ir.topK;
  if (ir.n !== undefined) gc.candidateCount = ir.n;
  if (ir.maxOutputTokens !== undefined) gc.maxOutputTokens = ir.maxOutputTokens;
  if (ir.stop !== undefined && ir.stop.length > 0) gc.stopSequences = ir.stop;
  if (ir.presencePenalty !== undefined) gc.presencePenalty = ir.presencePenalty;
  if (ir.frequencyPenalty !== undefined) gc.frequencyPenalty = ir.frequencyPenalty;
  if (ir.seed !== undefined) gc.seed = ir.seed;

  const format = ir.responseFormat;
  if (format?.type === 'text') gc.responseMimeType = 'text/plain';
  if (format?.type === 'json_object') gc.responseMimeType = 'application/json';
  if (format?.type === 'json_schema') {
    gc.responseMimeType = 'application/json';
    gc.responseJsonSchema = format.schema;
  }

  if (ir.reasoning) {
    const thinking = encodeThinking(ir.reasoning, extraThinkingLevel(extra));
    if (Object.keys(thinking).length > 0) gc.thinkingConfig = thinking;
  }
  return gc;
}

function encodeThinking(r: IrReasoningConfig, levelFromExtra: boolean): JsonObject {
  const thinking: JsonObject = {};
  let on = false;
  if (r.budgetTokens !== undefined) {
    thinking.thinkingBudget = Math.min(Math.max(0, Math.round(r.budgetTokens)), MAX_THINKING_BUDGET);
    on = r.budgetTokens > 0;
  } else if (r.effort !== undefined) {
    // A Gemini `thinkingLevel` kept in `extra` says the same thing more precisely, and
    // Gemini rejects a request that has both a level and a budget.
    if (!levelFromExtra) thinking.thinkingBudget = EFFORT_THINKING_BUDGET[r.effort];
    on = true;
  }
  if (r.includeThoughts !== undefined) thinking.includeThoughts = r.includeThoughts;
  else if (on) thinking.includeThoughts = true;
  return thinking;
}

function extraThinkingLevel(extra: JsonObject | undefined): boolean {
  const gc = extra?.generationConfig;
  const tc = isPlainObject(gc) ? gc.thinkingConfig : undefined;
  return isPlainObject(tc) && tc.thinkingLevel !== undefined;
}

/** Adds `extra` fields the encoder did not set (objects merged key by key); built-in tools are appended. */
function mergeExtra(body: JsonObject, extra: JsonObject): void {
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'tools' && Array.isArray(value)) {
      body.tools = [...(Array.isArray(body.tools) ? body.tools : []), ...value];
    } else {
      body[key] = fillMissing(body[key], value);
    }
  }
}

function fillMissing(target: unknown, source: unknown): unknown {
  if (target === undefined) return source;
  if (!isPlainObject(target) || !isPlainObject(source)) return target;
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(source)) out[key] = fillMissing(out[key], value);
  return out;
}
