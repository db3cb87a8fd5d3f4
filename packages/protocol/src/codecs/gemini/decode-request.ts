import type { DroppedFeatures } from '../../dropped.js';
import { IrInputError } from '../../ir.js';
import type {
  IrDecodeContext,
  IrImagePart,
  IrMessage,
  IrReasoningConfig,
  IrRequest,
  IrResponseFormat,
  IrTextPart,
  IrTool,
  IrToolChoice,
  IrToolMessage,
  IrUserPart,
} from '../../ir.js';
import { decodeFileData, decodeInlineData, decodeModelParts, recordPartKind } from './decode-parts.js';
import { openApiToJsonSchema } from './json-schema.js';
import {
  generateContentRequestSchema,
  parseWire,
  type GeminiFunctionDeclaration,
  type GeminiFunctionResponse,
  type GeminiGenerationConfig,
  type GeminiRequest,
} from './schema.js';
import type { JsonObject } from './values.js';

/**
 * Gemini `generateContent` / `streamGenerateContent` body → IR request.
 *
 * The model and streaming are not in the body (they are in the URL): they come from
 * `ctx.model` (a `models/` prefix is removed) and `ctx.stream` (default false). A
 * streaming request also sets `streamUsage`: Gemini streams always carry usageMetadata.
 *
 * Function calls usually have no ids in Gemini. Calls without an id get `call_<n>`
 * (n = 1, 2 … in order of appearance in the request, skipping ids the request already
 * uses); each `functionResponse` answers the call with its `id` when it has one, else the
 * EARLIEST unanswered call with the same name.
 *
 * `functionResponse.response` → tool message text: the string itself for Google's
 * `{"output": "<text>"}` convention, `isError` + the error for `{"error": …}`, otherwise
 * the JSON of the whole object.
 *
 * Kept in `extra` (copied back only to Gemini): unknown top-level fields
 * (`safetySettings`, `cachedContent`, `labels` …), built-in tools (`googleSearch`,
 * `codeExecution`, `urlContext` …), unknown `toolConfig` / `generationConfig` /
 * `thinkingConfig` fields, `allowedFunctionNames` that the tool choice cannot express,
 * `thinkingBudget: -1` (dynamic), `thinkingLevel` (also decoded into `reasoning.effort`),
 * and response MIME types other than JSON / plain text.
 */
export function decodeRequest(body: unknown, ctx: IrDecodeContext = {}): IrRequest {
  const req = parseWire(generateContentRequestSchema, body, 'generateContent request');
  const extra: JsonObject = {};
  for (const [key, value] of Object.entries(req)) {
    if (!HANDLED_TOP_LEVEL.has(key)) extra[key] = value;
  }

  const bodyModel = req['model'];
  const ir: IrRequest = {
    model: modelName(ctx.model ?? (typeof bodyModel === 'string' ? bodyModel : undefined)),
    messages: [],
    stream: ctx.stream ?? false,
  };
  // Gemini streams always report usageMetadata, so a streaming Gemini caller expects it.
  if (ir.stream) ir.streamUsage = true;

  const system = decodeSystem(req);
  if (system.length > 0) ir.system = system;
  ir.messages = decodeContents(req, ctx.dropped);

  const tools: IrTool[] = [];
  const builtinTools: JsonObject[] = [];
  for (const tool of req.tools ?? []) {
    const { functionDeclarations, ...others } = tool;
    for (const declaration of functionDeclarations ?? []) tools.push(decodeDeclaration(declaration));
    if (Object.keys(others).length > 0) builtinTools.push(others);
  }
  if (tools.length > 0) ir.tools = tools;
  if (builtinTools.length > 0) extra.tools = builtinTools;

  if (req.toolConfig) {
    const { functionCallingConfig, ...toolConfigRest } = req.toolConfig;
    const toolConfigExtra: JsonObject = { ...toolConfigRest };
    if (functionCallingConfig) {
      const { mode, allowedFunctionNames, ...fccRest } = functionCallingConfig;
      const fccExtra: JsonObject = { ...fccRest };
      const choice = decodeToolChoice(mode, allowedFunctionNames);
      if (choice) ir.toolChoice = choice;
      if (allowedFunctionNames !== undefined && choice?.type !== 'tool') {
        fccExtra.allowedFunctionNames = allowedFunctionNames;
      }
      if (Object.keys(fccExtra).length > 0) toolConfigExtra.functionCallingConfig = fccExtra;
    }
    if (Object.keys(toolConfigExtra).length > 0) extra.toolConfig = toolConfigExtra;
  }

  if (req.generationConfig) {
    const generationExtra = decodeGenerationConfig(req.generationConfig, ir);
    if (Object.keys(generationExtra).length > 0) extra.generationConfig = generationExtra;
  }

  // Re-insert in the IR's documented field order, so golden files read naturally.
  const ordered = orderRequest(ir);
  if (Object.keys(extra).length > 0) ordered.extra = { protocol: 'gemini', fields: extra };
  return ordered;
}

const KNOWN_ROLES: ReadonlySet<string> = new Set(['user', 'model', 'function']);

const HANDLED_TOP_LEVEL = new Set(['contents', 'systemInstruction', 'tools', 'toolConfig', 'generationConfig', 'model']);

function modelName(model: string | undefined): string {
  const name = model?.trim().replace(/^models\//, '') ?? '';
  if (name === '') {
    throw new IrInputError(
      'Invalid Gemini generateContent request: the model is missing (it comes from the URL, /v1beta/models/{model}:generateContent)',
    );
  }
  return name;
}

function decodeSystem(req: GeminiRequest): IrTextPart[] {
  const sys = req.systemInstruction;
  if (sys === undefined) return [];
  const out: IrTextPart[] = [];
  for (const part of sys.parts) if (part.text !== undefined) out.push({ type: 'text', text: part.text });
  return out;
}

// ───────────────────────────── contents ─────────────────────────────

interface KnownCall {
  id: string;
  name: string;
  answered: boolean;
}

function decodeContents(req: GeminiRequest, dropped: DroppedFeatures | undefined): IrMessage[] {
  const usedIds = new Set<string>();
  for (const content of req.contents) {
    for (const part of content.parts) {
      if (part.functionCall?.id !== undefined) usedIds.add(part.functionCall.id);
      if (part.functionResponse?.id !== undefined) usedIds.add(part.functionResponse.id);
    }
  }
  let counter = 0;
  const nextCallId = (): string => {
    let id: string;
    do id = `call_${++counter}`;
    while (usedIds.has(id));
    return id;
  };

  const calls: KnownCall[] = [];
  const messages: IrMessage[] = [];
  req.contents.forEach((content, ci) => {
    content.parts.forEach((part, pi) => {
      if (Object.keys(part).length === 0) throw new IrInputError(`Invalid Gemini generateContent request: contents[${ci}].parts[${pi}] is empty`);
    });

    if (content.role !== undefined && !KNOWN_ROLES.has(content.role)) {
      dropped?.add('role', content.role);
      return;
    }
    if (content.role === 'model') {
      const bad = content.parts.findIndex((p) => p.functionResponse !== undefined);
      if (bad !== -1) {
        throw new IrInputError(
          `Invalid Gemini generateContent request: contents[${ci}].parts[${bad}]: functionResponse is only allowed in "user" turns`,
        );
      }
      const parts = decodeModelParts(content.parts, nextCallId, dropped);
      for (const p of parts) if (p.type === 'tool-call') calls.push({ id: p.id, name: p.name, answered: false });
      if (parts.length > 0) messages.push({ role: 'assistant', content: parts });
      return;
    }

    // "user" (default) and the legacy "function" role.
    let userParts: IrUserPart[] = [];
    const flush = (): void => {
      if (userParts.length > 0) messages.push({ role: 'user', content: userParts });
      userParts = [];
    };
    content.parts.forEach((part, pi) => {
      if (part.functionResponse) {
        flush();
        messages.push(decodeFunctionResponse(part.functionResponse, calls, nextCallId));
      } else if (part.functionCall) {
        throw new IrInputError(
          `Invalid Gemini generateContent request: contents[${ci}].parts[${pi}]: functionCall is only allowed in "model" turns`,
        );
      } else if (part.text !== undefined) {
        userParts.push({ type: 'text', text: part.text });
      } else if (part.inlineData) {
        userParts.push(decodeInlineData(part.inlineData));
      } else if (part.fileData) {
        userParts.push(decodeFileData(part.fileData));
      } else {
        // Other kinds (executableCode, codeExecutionResult, videoMetadata alone …) are dropped.
        recordPartKind(part, dropped);
      }
    });
    flush();
  });
  return messages;
}

function decodeFunctionResponse(fr: GeminiFunctionResponse, calls: KnownCall[], nextCallId: () => string): IrToolMessage {
  let toolCallId: string;
  if (fr.id !== undefined) {
    toolCallId = fr.id;
    const call = calls.find((c) => c.id === fr.id && !c.answered);
    if (call) call.answered = true;
  } else {
    const call = calls.find((c) => !c.answered && c.name === fr.name);
    if (call) {
      call.answered = true;
      toolCallId = call.id;
    } else {
      toolCallId = nextCallId();
    }
  }

  const response = fr.response ?? {};
  const keys = Object.keys(response);
  let text: string;
  let isError = false;
  if (keys.length === 1 && keys[0] === 'output' && typeof response.output === 'string') {
    text = response.output;
  } else if (keys.length === 1 && keys[0] === 'error') {
    isError = true;
    text = typeof response.error === 'string' ? response.error : JSON.stringify(response.error);
  } else {
    text = JSON.stringify(response);
  }

  const content: Array<IrTextPart | IrImagePart> = [{ type: 'text', text }];
  for (const part of fr.parts ?? []) {
    const media = part.inlineData ? decodeInlineData(part.inlineData) : part.fileData ? decodeFileData(part.fileData) : undefined;
    if (media?.type === 'image') content.push(media);
  }
  const message: IrToolMessage = { role: 'tool', toolCallId, name: fr.name, content };
  if (isError) message.isError = true;
  return message;
}

// ───────────────────────────── tools ─────────────────────────────

function decodeDeclaration(fd: GeminiFunctionDeclaration): IrTool {
  const tool: IrTool = {
    name: fd.name,
    parameters: fd.parametersJsonSchema ?? (fd.parameters ? openApiToJsonSchema(fd.parameters) : { type: 'object', properties: {} }),
  };
  if (fd.description !== undefined) {
    // Keep `description` before `parameters` in golden files.
    return { name: tool.name, description: fd.description, parameters: tool.parameters };
  }
  return tool;
}

function decodeToolChoice(mode: string | undefined, allowed: string[] | undefined): IrToolChoice | undefined {
  switch (mode) {
    case 'AUTO':
    case 'VALIDATED':
      return { type: 'auto' };
    case 'NONE':
      return { type: 'none' };
    case 'ANY':
      return allowed?.length === 1 ? { type: 'tool', name: allowed[0]! } : { type: 'required' };
    default:
      return undefined;
  }
}

// ───────────────────────────── generation config ─────────────────────────────

const EFFORTS: Record<string, NonNullable<IrReasoningConfig['effort']>> = {
  minimal: 'minimal',
  low: 'low',
  medium: 'medium',
  high: 'high',
};

/** Sets the IR sampling / reasoning / format fields; returns the fields left for `extra`. */
function decodeGenerationConfig(gc: GeminiGenerationConfig, ir: IrRequest): JsonObject {
  const {
    temperature,
    topP,
    topK,
    maxOutputTokens,
    stopSequences,
    candidateCount,
    seed,
    presencePenalty,
    frequencyPenalty,
    responseMimeType,
    responseSchema,
    responseJsonSchema,
    thinkingConfig,
    ...rest
  } = gc;
  const extra: JsonObject = { ...rest };
  if (maxOutputTokens !== undefined) ir.maxOutputTokens = maxOutputTokens;
  if (temperature !== undefined) ir.temperature = temperature;
  if (topP !== undefined) ir.topP = topP;
  if (topK !== undefined) ir.topK = topK;
  if (stopSequences !== undefined) ir.stop = stopSequences;
  if (seed !== undefined) ir.seed = seed;
  if (presencePenalty !== undefined) ir.presencePenalty = presencePenalty;
  if (frequencyPenalty !== undefined) ir.frequencyPenalty = frequencyPenalty;
  if (candidateCount !== undefined) ir.n = candidateCount;

  const mime = responseMimeType?.toLowerCase();
  if (mime === 'application/json') {
    const schema = responseJsonSchema ?? (responseSchema ? openApiToJsonSchema(responseSchema) : undefined);
    const format: IrResponseFormat = schema ? { type: 'json_schema', name: 'response', schema } : { type: 'json_object' };
    ir.responseFormat = format;
  } else {
    if (mime === 'text/plain') ir.responseFormat = { type: 'text' };
    else if (responseMimeType !== undefined) extra.responseMimeType = responseMimeType;
    if (responseSchema !== undefined) extra.responseSchema = responseSchema;
    if (responseJsonSchema !== undefined) extra.responseJsonSchema = responseJsonSchema;
  }

  if (thinkingConfig) {
    const { thinkingBudget, includeThoughts, thinkingLevel, ...thinkingRest } = thinkingConfig;
    const thinkingExtra: JsonObject = { ...thinkingRest };
    const reasoning: IrReasoningConfig = {};
    if (thinkingLevel !== undefined) {
      const effort = EFFORTS[thinkingLevel.toLowerCase()];
      if (effort) reasoning.effort = effort;
      thinkingExtra.thinkingLevel = thinkingLevel;
    }
    if (thinkingBudget !== undefined) {
      if (thinkingBudget >= 0) reasoning.budgetTokens = thinkingBudget;
      else thinkingExtra.thinkingBudget = thinkingBudget; // -1: dynamic, Gemini only
    }
    if (includeThoughts !== undefined) reasoning.includeThoughts = includeThoughts;
    if (Object.keys(reasoning).length > 0) ir.reasoning = reasoning;
    if (Object.keys(thinkingExtra).length > 0) extra.thinkingConfig = thinkingExtra;
  }
  return extra;
}

const FIELD_ORDER: ReadonlyArray<keyof IrRequest> = [
  'model',
  'system',
  'messages',
  'tools',
  'toolChoice',
  'parallelToolCalls',
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'stop',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'n',
  'reasoning',
  'responseFormat',
  'stream',
  'streamUsage',
  'user',
  'extra',
];

function orderRequest(ir: IrRequest): IrRequest {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (ir[key] !== undefined) out[key] = ir[key];
  return out as unknown as IrRequest;
}

