import { z } from 'zod';
import { IrInputError } from '../../ir.js';
import { describeZodError } from '../../zod-issues.js';
import { isPlainObject, type JsonObject } from './values.js';

/**
 * Gemini `generateContent` wire format (Google AI "Gemini API", v1beta REST, camelCase JSON).
 *
 * Google's JSON parser (proto3 JSON mapping) accepts both `lowerCamelCase` and the original
 * `snake_case` field names, and treats `null` as "not set". Every structural level below
 * therefore normalises its own keys first (`system_instruction` → `systemInstruction`,
 * `inline_data` → `inlineData`, nulls dropped). The normalisation never reaches into
 * user data: function-call `args`, function `response`, JSON schemas and unknown fields
 * are kept byte for byte. Unknown fields pass validation (`looseObject`).
 */

function snakeToCamel(key: string): string {
  return key.replace(/(?<=[A-Za-z0-9])_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** One level of key normalisation: snake_case → camelCase (camelCase wins on a clash), nulls dropped. */
export function normalizeKeys(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    const camel = snakeToCamel(key);
    if (camel !== key && Object.hasOwn(value, camel) && value[camel] !== null) continue;
    out[camel] = v;
  }
  return out;
}

/** A looseObject whose keys are normalised before validation. */
function wire<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.preprocess(normalizeKeys, z.looseObject(shape));
}

const jsonObject = z.record(z.string(), z.unknown());

/** Enum values are upper case in proto JSON; Google also accepts lower case. */
function upperEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(values));
}

// ───────────────────────────── parts ─────────────────────────────

const blobSchema = wire({
  mimeType: z.string().min(1),
  /** base64 */
  data: z.string(),
});

const fileDataSchema = wire({
  mimeType: z.string().optional(),
  fileUri: z.string().min(1),
});

const functionCallSchema = wire({
  id: z.string().optional(),
  name: z.string().min(1),
  args: jsonObject.optional(),
});

/** Parts allowed inside a multimodal `functionResponse.parts` (Gemini 3). */
const functionResponsePartSchema = wire({
  inlineData: blobSchema.optional(),
  fileData: fileDataSchema.optional(),
});

const functionResponseSchema = wire({
  id: z.string().optional(),
  name: z.string().min(1),
  response: jsonObject.optional(),
  parts: z.array(functionResponsePartSchema).optional(),
});

const partSchema = wire({
  text: z.string().optional(),
  /** The part is a thought (summary) of a thinking model. */
  thought: z.boolean().optional(),
  /** Opaque signature of the model's thinking; must be sent back on the same part. */
  thoughtSignature: z.string().optional(),
  inlineData: blobSchema.optional(),
  fileData: fileDataSchema.optional(),
  functionCall: functionCallSchema.optional(),
  functionResponse: functionResponseSchema.optional(),
});

const requestContentSchema = wire({
  /** user, model, the legacy function; any other role is left out by the decoder (and recorded), not refused. */
  role: z
    .string()
    .transform((s) => s.toLowerCase())
    .optional(),
  parts: z.array(partSchema),
});

/** `systemInstruction`: a Content (role ignored); the SDK shorthand of a bare string is accepted. */
const systemInstructionSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { parts: [{ text: v }] } : v),
  wire({ role: z.string().optional(), parts: z.array(partSchema) }),
);

// ───────────────────────────── tools ─────────────────────────────

const functionDeclarationSchema = wire({
  name: z.string().min(1),
  description: z.string().optional(),
  /** OpenAPI 3.0 subset (`type: "OBJECT"` …). */
  parameters: jsonObject.optional(),
  /** Full JSON Schema; mutually exclusive with `parameters`. */
  parametersJsonSchema: jsonObject.optional(),
});

/** A Tool: function declarations, or a built-in tool (`googleSearch`, `codeExecution`, `urlContext` …). */
const toolSchema = wire({
  functionDeclarations: z.array(functionDeclarationSchema).optional(),
});

const functionCallingConfigSchema = wire({
  mode: upperEnum(['MODE_UNSPECIFIED', 'AUTO', 'ANY', 'NONE', 'VALIDATED'] as const).optional(),
  allowedFunctionNames: z.array(z.string()).optional(),
});

const toolConfigSchema = wire({
  functionCallingConfig: functionCallingConfigSchema.optional(),
});

// ───────────────────────────── generation config ─────────────────────────────

const thinkingConfigSchema = wire({
  /** Tokens; 0 = off, -1 = dynamic (model decides). */
  thinkingBudget: z.number().int().optional(),
  includeThoughts: z.boolean().optional(),
  /** Gemini 3: "minimal" | "low" | "medium" | "high" (exclusive with thinkingBudget). */
  thinkingLevel: z.string().optional(),
});

const generationConfigSchema = wire({
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().min(0).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  stopSequences: z.array(z.string()).optional(),
  candidateCount: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
  presencePenalty: z.number().optional(),
  frequencyPenalty: z.number().optional(),
  responseMimeType: z.string().optional(),
  responseSchema: jsonObject.optional(),
  responseJsonSchema: jsonObject.optional(),
  thinkingConfig: thinkingConfigSchema.optional(),
});

// ───────────────────────────── request ─────────────────────────────

export const generateContentRequestSchema = wire({
  contents: z.array(requestContentSchema).min(1, 'contents must contain at least one Content'),
  systemInstruction: systemInstructionSchema.optional(),
  tools: z.array(toolSchema).optional(),
  toolConfig: toolConfigSchema.optional(),
  generationConfig: generationConfigSchema.optional(),
  safetySettings: z.array(z.unknown()).optional(),
  cachedContent: z.string().optional(),
});

// ───────────────────────────── response ─────────────────────────────

const responseContentSchema = wire({
  role: z.string().optional(),
  parts: z.array(partSchema).optional(),
});

const candidateSchema = wire({
  content: responseContentSchema.optional(),
  finishReason: z.string().optional(),
  index: z.number().int().optional(),
});

const usageMetadataSchema = wire({
  /** Includes cached content tokens. */
  promptTokenCount: z.number().int().nonnegative().optional(),
  /** Visible answer tokens (thoughts excluded). */
  candidatesTokenCount: z.number().int().nonnegative().optional(),
  totalTokenCount: z.number().int().nonnegative().optional(),
  cachedContentTokenCount: z.number().int().nonnegative().optional(),
  thoughtsTokenCount: z.number().int().nonnegative().optional(),
  toolUsePromptTokenCount: z.number().int().nonnegative().optional(),
});

const promptFeedbackSchema = wire({
  blockReason: z.string().optional(),
});

/** A whole answer, and also each `data:` chunk of `streamGenerateContent?alt=sse`. */
export const generateContentResponseSchema = wire({
  candidates: z.array(candidateSchema).optional(),
  promptFeedback: promptFeedbackSchema.optional(),
  usageMetadata: usageMetadataSchema.optional(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
  /** Vertex AI only (RFC 3339). */
  createTime: z.string().optional(),
});

// ───────────────────────────── errors ─────────────────────────────

export const errorBodySchema = wire({
  error: wire({
    code: z.number().int().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
  }),
});

// ───────────────────────────── types ─────────────────────────────

export type GeminiBlob = z.output<typeof blobSchema>;
export type GeminiFileData = z.output<typeof fileDataSchema>;
export type GeminiFunctionCall = z.output<typeof functionCallSchema>;
export type GeminiFunctionResponse = z.output<typeof functionResponseSchema>;
export type GeminiPart = z.output<typeof partSchema>;
export type GeminiContent = z.output<typeof requestContentSchema>;
export type GeminiFunctionDeclaration = z.output<typeof functionDeclarationSchema>;
export type GeminiTool = z.output<typeof toolSchema>;
export type GeminiToolConfig = z.output<typeof toolConfigSchema>;
export type GeminiThinkingConfig = z.output<typeof thinkingConfigSchema>;
export type GeminiGenerationConfig = z.output<typeof generationConfigSchema>;
export type GeminiRequest = z.output<typeof generateContentRequestSchema>;
export type GeminiCandidate = z.output<typeof candidateSchema>;
export type GeminiUsageMetadata = z.output<typeof usageMetadataSchema>;
export type GeminiResponse = z.output<typeof generateContentResponseSchema>;
export type GeminiErrorBody = z.output<typeof errorBodySchema>;

/** Parts as the encoders build them (camelCase only). */
export interface GeminiOutPart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
  fileData?: { mimeType?: string; fileUri: string };
  functionCall?: { id?: string; name: string; args: JsonObject };
  functionResponse?: { name: string; response: JsonObject };
}

export interface GeminiOutContent {
  role: 'user' | 'model';
  parts: GeminiOutPart[];
}

/** Validates with zod; a failure becomes an IrInputError naming the fields, e.g. `contents[0].parts[1].inlineData.data`. */
export function parseWire<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new IrInputError(`Invalid Gemini ${what}: ${describeZodError(result.error, { brackets: true, max: 3 })}`);
}
