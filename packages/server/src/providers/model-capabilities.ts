/**
 * Model capability metadata: what a model id can take in and give back.
 *
 * The relay uses it to adapt a request before it goes upstream (strip-unsupported.ts turns
 * an image sent to a text-only model into a placeholder instead of letting the vendor
 * answer 400), and the console and /v1/models can show it to users.
 *
 * Lookup, in order (see `resolveCapabilities`):
 *   1. the table below, by the exact id (case-insensitive);
 *   2. the table again, by the normalized id: vendor prefixes (`openai/`, `models/`,
 *      `us.anthropic.` …), Bedrock/Vertex/Ollama suffixes (`-v1:0`, `@20250514`, `:8b`)
 *      and date or `-latest` suffixes removed;
 *   3. family rules (regular expressions over the normalized id), first match wins;
 *   4. a default record with `known: false`.
 *
 * How to read the booleans. `known: true` means the record says what the model lacks as
 * well as what it has, and strip-unsupported.ts acts on the lacks. A record may therefore
 * say `false` only where the vendor's documentation says the model cannot do it. Where the
 * documentation is silent or sources disagree, the record says `true`: wrongly keeping an
 * image costs an upstream error (what happens without this module), wrongly removing one
 * silently loses the user's input. A family rule claims a lack only when every model the
 * rule matches lacks it. Context windows lean the other way: when unsure we record the
 * smaller documented figure and say so, because a consumer that plans around the window
 * should be surprised by room, not by a rejection. `maxOutput` is left out when unknown.
 *
 * Figures come from vendor documentation where it could be checked (Anthropic model pages,
 * Google model cards, DeepSeek pricing, Mistral, iFlytek Spark, DashScope, Ark model
 * lists); entries that rest on a guess say so next to them. Aliases such as `*-latest`,
 * `deepseek-chat` or `qwen-plus` move to new snapshots: their entries describe the snapshot
 * documented when written, and the comments say where that is fragile.
 */

type ModelKind = 'chat' | 'embedding' | 'image' | 'audio' | 'rerank' | 'moderation';
type InputModality = 'text' | 'image' | 'audio' | 'file';
type OutputModality = 'text' | 'image' | 'audio' | 'embedding';

export interface ModelCapabilities {
  /**
   * True when the record comes from the table or a family rule. False for unrecognized
   * ids: then only positive hints from the id (`-vl`, `thinking`, `-32k` …) were applied,
   * and no caller may conclude that the model lacks anything.
   */
  readonly known: boolean;
  readonly kind: ModelKind;
  /** Takes images. Always equal to `input.includes('image')`. */
  readonly vision: boolean;
  /** Takes tool (function) definitions and answers with tool calls. */
  readonly tools: boolean;
  /** Reasons before answering, or accepts a reasoning/thinking control. */
  readonly reasoning: boolean;
  /**
   * Context window in tokens (input plus output, as the vendor documents it). 0 for
   * speech-to-text models, which are limited by audio length rather than tokens.
   */
  readonly contextWindow: number;
  /** Largest answer in tokens, when documented. */
  readonly maxOutput?: number;
  /** `file` means documents (PDF …) as content parts, not `fileid://` references. */
  readonly input: readonly InputModality[];
  readonly output: readonly OutputModality[];
}

type CapabilitySource = 'table' | 'family' | 'default';

export interface CapabilityResolution {
  capabilities: ModelCapabilities;
  /** Which lookup step produced the record. */
  source: CapabilitySource;
  /**
   * The id the lookup used: the lower-cased id when it matched the table as is, otherwise
   * the normalized id (prefixes and date suffixes removed).
   */
  normalizedId: string;
}

// ───────────────────────────── builders ─────────────────────────────

interface ChatSpec {
  ctx: number;
  out?: number;
  vision?: boolean;
  /** Defaults to true: nearly every current chat model takes tools; lacks are listed. */
  tools?: boolean;
  reasoning?: boolean;
  /** Documents (PDF) as content parts. */
  file?: boolean;
  audioIn?: boolean;
  audioOut?: boolean;
  imageOut?: boolean;
  known?: boolean;
}

function freeze(c: ModelCapabilities): ModelCapabilities {
  // Records are shared by every request; freezing makes an accidental write throw instead
  // of changing the answer for everyone else (the same reason channel-types.ts freezes).
  Object.freeze(c.input);
  Object.freeze(c.output);
  return Object.freeze(c);
}

function chat(s: ChatSpec): ModelCapabilities {
  const input: InputModality[] = ['text'];
  if (s.vision) input.push('image');
  if (s.audioIn) input.push('audio');
  if (s.file) input.push('file');
  const output: OutputModality[] = ['text'];
  if (s.imageOut) output.push('image');
  if (s.audioOut) output.push('audio');
  const c: { -readonly [K in keyof ModelCapabilities]: ModelCapabilities[K] } = {
    known: s.known ?? true,
    kind: 'chat',
    vision: s.vision ?? false,
    tools: s.tools ?? true,
    reasoning: s.reasoning ?? false,
    contextWindow: s.ctx,
    input,
    output,
  };
  if (s.out !== undefined) c.maxOutput = s.out;
  return freeze(c);
}

function embedding(ctx: number): ModelCapabilities {
  return freeze({
    known: true,
    kind: 'embedding',
    vision: false,
    tools: false,
    reasoning: false,
    contextWindow: ctx,
    input: ['text'],
    output: ['embedding'],
  });
}

function special(
  kind: Exclude<ModelKind, 'chat' | 'embedding'>,
  ctx: number,
  input: InputModality[],
  output: OutputModality[],
): ModelCapabilities {
  return freeze({
    known: true,
    kind,
    vision: input.includes('image'),
    tools: false,
    reasoning: false,
    contextWindow: ctx,
    input,
    output,
  });
}

// Shared shapes, so that related entries cannot drift apart.
const OPENAI_VISION = { vision: true, file: true } as const;
const GPT_4O = chat({ ctx: 128_000, out: 16_384, ...OPENAI_VISION });
const GPT_41 = chat({ ctx: 1_047_576, out: 32_768, ...OPENAI_VISION });
const GPT_5 = chat({ ctx: 400_000, out: 128_000, ...OPENAI_VISION, reasoning: true });
const O_SERIES_VISION = chat({ ctx: 200_000, out: 100_000, ...OPENAI_VISION, reasoning: true });
const OPENAI_EMBEDDING = embedding(8_191);

// Every Claude model since Claude 3 takes images and PDFs ("all current Claude models
// support text and image input"); thinking arrived with 3.7.
const CLAUDE = { vision: true, file: true } as const;
const CLAUDE_1M_128K = chat({ ctx: 1_000_000, out: 128_000, ...CLAUDE, reasoning: true });
// Sonnet 4.5 and Sonnet 4 reach 1M only with the `context-1m` beta header; 200K is the
// window a plain request gets.
const CLAUDE_200K_64K = chat({ ctx: 200_000, out: 64_000, ...CLAUDE, reasoning: true });
const CLAUDE_200K_32K = chat({ ctx: 200_000, out: 32_000, ...CLAUDE, reasoning: true });

const GEMINI_MEDIA = { vision: true, audioIn: true, file: true } as const;
const GEMINI_25 = chat({ ctx: 1_048_576, out: 65_536, ...GEMINI_MEDIA, reasoning: true });
const GEMINI_20 = chat({ ctx: 1_048_576, out: 8_192, ...GEMINI_MEDIA });

// Open-weight DeepSeek R1/V3 as third parties serve them (DashScope, Qianfan, Ark,
// SiliconFlow, Ollama). DashScope documents a ~64K window, DeepSeek's own API 128K: the
// smaller figure is recorded. R1-0528 supports function calling; hosts differ, so tools
// stay true.
const DEEPSEEK_R1_OPEN = chat({ ctx: 65_536, reasoning: true });
const DEEPSEEK_V3_OPEN = chat({ ctx: 65_536 });

// Qwen3 open-weight models: native 32K, 128K with YaRN; Groq and SiliconFlow document
// 131,072. Hybrid thinking (enable_thinking) makes them reasoning models.
const QWEN3_HOSTED = chat({ ctx: 131_072, reasoning: true });

const MOONSHOT_V1 = (ctx: number, vision: boolean) => chat({ ctx, vision });

// Doubao Seed 1.6: 256K window, 16K answer (Ark model list), images, tools and thinking.
const DOUBAO_SEED_16 = chat({ ctx: 256_000, out: 16_000, vision: true, reasoning: true });

// ───────────────────────────── the table ─────────────────────────────

/**
 * Every template model of channel-types.ts has an entry here or reaches one through
 * normalization (model-capabilities.test.ts enforces it). Keys are lower case.
 */
const TABLE: ReadonlyArray<readonly [string, ModelCapabilities]> = [
  // ── OpenAI ──
  ['gpt-4o', GPT_4O],
  ['gpt-4o-mini', GPT_4O],
  ['gpt-4.1', GPT_41],
  ['gpt-4.1-mini', GPT_41],
  ['gpt-4.1-nano', GPT_41],
  ['gpt-5', GPT_5],
  ['gpt-5-mini', GPT_5],
  ['gpt-5-nano', GPT_5],
  ['o3', O_SERIES_VISION],
  ['o4-mini', O_SERIES_VISION],
  // o3-mini is the one o-series model without image input.
  ['o3-mini', chat({ ctx: 200_000, out: 100_000, reasoning: true })],
  ['gpt-4', chat({ ctx: 8_192, out: 8_192 })],
  // OpenAI retired gpt-4-vision-preview, and it never took tools there. The id now reaches
  // only LocalAI-style servers (it is a LocalAI template), which do take tools, so tools
  // stay true rather than being stripped from requests those servers would accept.
  ['gpt-4-vision-preview', chat({ ctx: 128_000, out: 4_096, vision: true })],
  ['text-embedding-3-small', OPENAI_EMBEDDING],
  ['text-embedding-3-large', OPENAI_EMBEDDING],
  ['text-embedding-ada-002', OPENAI_EMBEDDING],

  // ── Anthropic ── (dated ids reach these through normalization)
  ['claude-opus-4-6', CLAUDE_1M_128K],
  ['claude-sonnet-4-6', CLAUDE_1M_128K],
  ['claude-opus-4-5', CLAUDE_200K_64K],
  ['claude-sonnet-4-5', CLAUDE_200K_64K],
  ['claude-haiku-4-5', CLAUDE_200K_64K],
  ['claude-opus-4-1', CLAUDE_200K_32K],
  ['claude-opus-4', CLAUDE_200K_32K],
  ['claude-sonnet-4', CLAUDE_200K_64K],
  ['claude-3-7-sonnet', CLAUDE_200K_64K],
  // 3.5 Haiku launched text-only and sources still disagree on whether image input was
  // added; by the rule above it keeps vision and files.
  ['claude-3-5-haiku', chat({ ctx: 200_000, out: 8_192, ...CLAUDE })],

  // ── Google ──
  ['gemini-2.5-pro', GEMINI_25],
  ['gemini-2.5-flash', GEMINI_25],
  ['gemini-2.5-flash-lite', GEMINI_25],
  ['gemini-2.0-flash', GEMINI_20],
  ['gemini-2.0-flash-lite', GEMINI_20],
  ['gemini-embedding-001', embedding(2_048)],

  // ── DeepSeek ── The API aliases are documented text-only (V3.2: 128K window, 8K answer
  // for chat, 64K for the reasoner, tool calls in both modes). DeepSeek has announced
  // moving these names to V4, whose Flash model reads images: revisit then.
  ['deepseek-chat', chat({ ctx: 128_000, out: 8_192 })],
  ['deepseek-reasoner', chat({ ctx: 128_000, out: 64_000, reasoning: true })],
  ['deepseek-r1', DEEPSEEK_R1_OPEN],
  ['deepseek-v3', DEEPSEEK_V3_OPEN],

  // ── Moonshot ── K2.5 and K2.6 are natively multimodal thinking models, 256K.
  ['kimi-k2.6', chat({ ctx: 262_144, vision: true, reasoning: true })],
  ['kimi-k2.5', chat({ ctx: 262_144, vision: true, reasoning: true })],
  ['kimi-k2-instruct', chat({ ctx: 131_072 })],
  ['moonshot-v1-8k', MOONSHOT_V1(8_192, false)],
  ['moonshot-v1-32k', MOONSHOT_V1(32_768, false)],
  ['moonshot-v1-128k', MOONSHOT_V1(131_072, false)],
  // `auto` picks 8k/32k/128k by prompt length.
  ['moonshot-v1-auto', MOONSHOT_V1(131_072, false)],
  ['moonshot-v1-8k-vision-preview', MOONSHOT_V1(8_192, true)],
  ['moonshot-v1-32k-vision-preview', MOONSHOT_V1(32_768, true)],
  ['moonshot-v1-128k-vision-preview', MOONSHOT_V1(131_072, true)],

  // ── Groq and other open-weight hosts ── (vendor prefixes are removed before lookup)
  ['llama-3.3-70b-versatile', chat({ ctx: 131_072, out: 32_768 })],
  ['llama-3.1-8b-instant', chat({ ctx: 131_072, out: 131_072 })],
  ['llama-3.3-70b-instruct', chat({ ctx: 131_072 })],
  ['gpt-oss-120b', chat({ ctx: 131_072, reasoning: true })],
  ['gpt-oss-20b', chat({ ctx: 131_072, reasoning: true })],
  ['gpt-oss', chat({ ctx: 131_072, reasoning: true })],
  ['llama-4-scout-17b-16e-instruct', chat({ ctx: 131_072, out: 8_192, vision: true })],
  ['llama-4-maverick-17b-128e-instruct', chat({ ctx: 131_072, out: 8_192, vision: true })],
  ['qwen3-235b-a22b', QWEN3_HOSTED],
  ['qwen3-32b', QWEN3_HOSTED],
  ['qwen3-8b', QWEN3_HOSTED],
  // LocalAI serves its own config; the model's native window is 32K.
  ['qwen3-4b', chat({ ctx: 32_768, reasoning: true })],
  ['qwen2.5-72b-instruct', chat({ ctx: 32_768 })],
  ['qwen2.5-7b-instruct', chat({ ctx: 32_768 })],
  // GLM-4-9B-Chat supports 128K, but hosts commonly serve 32K: the smaller figure.
  ['glm-4-9b-chat', chat({ ctx: 32_768 })],
  ['bge-m3', embedding(8_192)],
  ['bge-large-zh-v1.5', embedding(512)],

  // ── OpenRouter ── `auto` routes to whichever model fits the request, so nothing may be
  // stripped: every input is allowed. The window is a placeholder, not a limit.
  [
    'openrouter/auto',
    chat({ ctx: 128_000, vision: true, reasoning: true, file: true, audioIn: true }),
  ],

  // ── Mistral ── `-latest` aliases move. Large 3 (Dec 2025), Medium 3.x, Small 3.1+,
  // Magistral 1.2 and Ministral 3 read images; the earlier snapshots some of these aliases
  // pointed to did not, so no Mistral alias claims a vision lack except Codestral and Nemo.
  ['mistral-large-latest', chat({ ctx: 131_072, vision: true })],
  ['mistral-medium-latest', chat({ ctx: 131_072, vision: true, reasoning: true })],
  ['mistral-small-latest', chat({ ctx: 131_072, vision: true })],
  ['magistral-medium-latest', chat({ ctx: 131_072, vision: true, reasoning: true })],
  ['magistral-small-latest', chat({ ctx: 131_072, vision: true, reasoning: true })],
  ['codestral-latest', chat({ ctx: 256_000 })],
  ['pixtral-large-latest', chat({ ctx: 131_072, vision: true })],
  ['ministral-8b-latest', chat({ ctx: 131_072, vision: true })],
  ['ministral-3b-latest', chat({ ctx: 131_072, vision: true })],
  ['open-mistral-nemo', chat({ ctx: 131_072 })],
  ['mistral-embed', embedding(8_192)],

  // ── xAI ──
  ['grok-4', chat({ ctx: 256_000, vision: true, reasoning: true })],
  ['grok-4-0709', chat({ ctx: 256_000, vision: true, reasoning: true })],
  ['grok-4-fast-reasoning', chat({ ctx: 2_000_000, vision: true, reasoning: true })],
  ['grok-4-fast-non-reasoning', chat({ ctx: 2_000_000, vision: true })],
  ['grok-code-fast-1', chat({ ctx: 256_000, reasoning: true })],
  // grok-3 rejects reasoning_effort; grok-3-mini accepts it.
  ['grok-3', chat({ ctx: 131_072 })],
  ['grok-3-mini', chat({ ctx: 131_072, reasoning: true })],
  ['grok-2-vision-1212', chat({ ctx: 32_768, vision: true })],

  // ── Zhipu ──
  ['glm-4.6', chat({ ctx: 200_000, out: 128_000, reasoning: true })],
  ['glm-4.5', chat({ ctx: 131_072, out: 98_304, reasoning: true })],
  ['glm-4.5-air', chat({ ctx: 131_072, out: 98_304, reasoning: true })],
  ['glm-4.5-flash', chat({ ctx: 131_072, out: 98_304, reasoning: true })],
  ['glm-4.5v', chat({ ctx: 65_536, out: 16_384, vision: true, reasoning: true })],
  ['glm-4-plus', chat({ ctx: 131_072, out: 4_096 })],
  ['glm-4-air', chat({ ctx: 131_072 })],
  ['glm-4-airx', chat({ ctx: 8_192 })],
  ['glm-4-long', chat({ ctx: 1_000_000 })],
  ['glm-4-flash', chat({ ctx: 131_072 })],
  // GLM-4V documents no tools parameter but no rejection either: tools stay true.
  ['glm-4v-plus', chat({ ctx: 8_192, vision: true })],
  ['glm-4v-flash', chat({ ctx: 8_192, vision: true })],
  ['embedding-3', embedding(8_192)],

  // ── Baichuan ── text-only; 32K except the 128k variant.
  ['baichuan4', chat({ ctx: 32_768 })],
  ['baichuan4-turbo', chat({ ctx: 32_768 })],
  ['baichuan4-air', chat({ ctx: 32_768 })],
  ['baichuan3-turbo', chat({ ctx: 32_768 })],
  ['baichuan3-turbo-128k', chat({ ctx: 131_072 })],
  ['baichuan2-turbo', chat({ ctx: 32_768 })],

  // ── 360 Zhinao ── The platform documents no windows; 8K is a conservative guess.
  ['360gpt2-pro', chat({ ctx: 8_192 })],
  ['360gpt-pro', chat({ ctx: 8_192 })],
  ['360gpt-turbo', chat({ ctx: 8_192 })],
  ['360gpt-turbo-responsibility-8k', chat({ ctx: 8_192 })],
  ['360gpt2-o1', chat({ ctx: 8_192, reasoning: true })],
  ['360zhinao2-o1', chat({ ctx: 8_192, reasoning: true })],

  // ── Tencent Hunyuan ── Windows are the documented input limits where known; 32K is
  // the conservative figure for the rest.
  ['hunyuan-turbos-latest', chat({ ctx: 32_768 })],
  ['hunyuan-t1-latest', chat({ ctx: 32_768, reasoning: true })],
  ['hunyuan-turbo', chat({ ctx: 32_768 })],
  ['hunyuan-large', chat({ ctx: 32_768 })],
  ['hunyuan-pro', chat({ ctx: 32_768 })],
  ['hunyuan-standard', chat({ ctx: 32_768 })],
  ['hunyuan-standard-256k', chat({ ctx: 262_144 })],
  ['hunyuan-lite', chat({ ctx: 262_144 })],
  ['hunyuan-vision', chat({ ctx: 8_192, vision: true })],
  ['hunyuan-code', chat({ ctx: 8_192 })],
  ['hunyuan-role', chat({ ctx: 32_768 })],
  ['hunyuan-functioncall', chat({ ctx: 32_768 })],
  ['hunyuan-embedding', embedding(1_024)],

  // ── Doubao (Ark) ── snapshot dates are stripped, so these cover every dated id.
  ['doubao-seed-1-6', DOUBAO_SEED_16],
  ['doubao-seed-1-6-flash', DOUBAO_SEED_16],
  ['doubao-seed-1-6-thinking', DOUBAO_SEED_16],
  ['doubao-seed-1-6-vision', DOUBAO_SEED_16],
  ['doubao-1-5-pro-32k', chat({ ctx: 32_768, out: 12_288 })],
  ['doubao-1-5-pro-256k', chat({ ctx: 262_144, out: 12_288 })],
  ['doubao-1-5-lite-32k', chat({ ctx: 32_768, out: 12_288 })],
  ['doubao-1-5-thinking-pro', chat({ ctx: 131_072, out: 16_000, reasoning: true })],
  ['doubao-embedding-text', embedding(4_096)],

  // ── iFlytek Spark ── HTTP docs: function calling only on 4.0 Ultra and Max; windows
  // 32K (Ultra), 8K (Max, Pro, Lite), 32K and 128K for the long variants.
  ['4.0ultra', chat({ ctx: 32_768, out: 32_768 })],
  ['generalv3.5', chat({ ctx: 8_192, out: 8_192 })],
  ['max-32k', chat({ ctx: 32_768, out: 8_192 })],
  ['generalv3', chat({ ctx: 8_192, out: 8_192, tools: false })],
  ['pro-128k', chat({ ctx: 131_072, out: 4_096, tools: false })],
  ['lite', chat({ ctx: 8_192, out: 4_096, tools: false })],
  // X1 reasoning model (WebSocket path /v1/x1); iFlytek documents a 32K window and up to 32K
  // output, with function calling. Conservative figures where the docs vary by version.
  ['spark-x', chat({ ctx: 32_768, out: 32_768, reasoning: true })],

  // ── Alibaba DashScope ──
  ['qwen3-max', chat({ ctx: 262_144, out: 65_536, reasoning: true })],
  ['qwen-max', chat({ ctx: 32_768, out: 8_192 })],
  // qwen-plus/turbo/flash document 1M windows in non-thinking mode but 128K when thinking:
  // the smaller figure.
  ['qwen-plus', chat({ ctx: 131_072, out: 16_384, reasoning: true })],
  ['qwen-turbo', chat({ ctx: 131_072, out: 16_384, reasoning: true })],
  ['qwen-flash', chat({ ctx: 131_072, out: 32_768, reasoning: true })],
  // qwen-long reads documents through `fileid://` system messages, not content parts.
  ['qwen-long', chat({ ctx: 10_000_000, out: 8_192 })],
  ['qwq-plus', chat({ ctx: 131_072, out: 8_192, reasoning: true })],
  ['qwen3-coder-plus', chat({ ctx: 1_000_000, out: 65_536 })],
  ['qwen-vl-max', chat({ ctx: 131_072, out: 8_192, vision: true })],
  ['qwen-vl-plus', chat({ ctx: 131_072, out: 8_192, vision: true })],
  ['text-embedding-v4', embedding(8_192)],
  ['text-embedding-v3', embedding(8_192)],

  // ── Baidu Qianfan ──
  ['ernie-4.5-turbo-128k', chat({ ctx: 131_072, out: 12_288 })],
  ['ernie-x1-turbo-32k', chat({ ctx: 32_768, reasoning: true })],
  ['ernie-4.0-turbo-8k', chat({ ctx: 8_192 })],
  ['ernie-4.0-8k', chat({ ctx: 8_192 })],
  ['ernie-3.5-8k', chat({ ctx: 8_192 })],
  ['ernie-3.5-128k', chat({ ctx: 131_072 })],
  ['ernie-speed-128k', chat({ ctx: 131_072 })],
  ['ernie-lite-8k', chat({ ctx: 8_192 })],

  // ── Perplexity ── Sonar takes images; tool support is undocumented, so tools stay true.
  // Documents go as `file_url` parts, not OpenAI `file` parts.
  ['sonar', chat({ ctx: 127_072, vision: true })],
  ['sonar-pro', chat({ ctx: 200_000, out: 8_000, vision: true })],
  ['sonar-reasoning-pro', chat({ ctx: 128_000, vision: true, reasoning: true })],
  ['sonar-deep-research', chat({ ctx: 128_000, vision: true, reasoning: true })],

  // ── Ollama library names (tags are stripped) ──
  ['llama3.2', chat({ ctx: 131_072 })],
  ['llama3.1', chat({ ctx: 131_072 })],
  ['qwen3', chat({ ctx: 40_960, reasoning: true })],
  ['qwen2.5', chat({ ctx: 32_768 })],
  // Ollama's gemma3 and phi4 have no "tools" capability and reject a request with tools.
  ['gemma3', chat({ ctx: 131_072, vision: true, tools: false })],
  ['mistral', chat({ ctx: 32_768 })],
  ['phi4', chat({ ctx: 16_384, tools: false })],
  ['nomic-embed-text', embedding(8_192)],
];

const BY_ID: ReadonlyMap<string, ModelCapabilities> = new Map(TABLE);
// A repeated key would silently replace the earlier entry; fail at import instead.
if (BY_ID.size !== TABLE.length) throw new Error('model-capabilities: duplicate model id in TABLE');

/** The table, for tests and for a console that lists documented models. */
export const MODEL_CAPABILITIES: ReadonlyMap<string, ModelCapabilities> = BY_ID;

// ───────────────────────────── family rules ─────────────────────────────

interface FamilyRule {
  test: RegExp;
  caps: ModelCapabilities;
  /** The id carries its window (`-32k`, `-128k`): prefer it over `caps.contextWindow`. */
  ctxFromId?: boolean;
}

const rule = (test: RegExp, caps: ModelCapabilities, ctxFromId = false): FamilyRule => ({ test, caps, ctxFromId });

/**
 * Ids not in the table, matched against the normalized id in order, first match wins.
 * More specific patterns come before the general ones of the same family.
 */
const FAMILY_RULES: readonly FamilyRule[] = [
  // ── not chat ──
  rule(/rerank/, special('rerank', 4_096, ['text'], ['text'])),
  rule(/omni-moderation/, special('moderation', 32_768, ['text', 'image'], ['text'])),
  rule(/moderation/, special('moderation', 32_768, ['text'], ['text'])),
  // 512 is the smallest common embedding window (BERT-style models); OpenAI's are 8191.
  rule(/embed|^bge-|^gte-|^e5-|^m3e/, embedding(512)),
  rule(
    new RegExp(
      '^(?:dall-e|gpt-image|imagen|flux|stable-diffusion|sd3|sdxl|cogview|wanx|wan2|seedream|doubao-seedream|' +
        'kolors|midjourney|recraft|ideogram|grok-2-image|grok-imagine)',
    ),
    special('image', 4_096, ['text'], ['image']),
  ),
  rule(
    /^(?:whisper|distil-whisper|gpt-4o(?:-mini)?-transcribe|sensevoice|paraformer)/,
    special('audio', 0, ['audio'], ['text']),
  ),
  rule(/^(?:tts-|gpt-4o(?:-mini)?-tts|cosyvoice)|-tts(?:-|$)/, special('audio', 4_096, ['text'], ['audio'])),
  rule(/^(?:gpt-4o(?:-mini)?-realtime|gpt-realtime)/, special('audio', 128_000, ['text', 'audio'], ['text', 'audio'])),

  // ── OpenAI ──
  rule(/^(?:gpt-4o(?:-mini)?-audio|gpt-audio)/, chat({ ctx: 128_000, out: 16_384, audioIn: true, audioOut: true })),
  // chatgpt-4o-latest is the ChatGPT snapshot and does not take function calling.
  rule(/^chatgpt-4o/, chat({ ctx: 128_000, out: 16_384, ...OPENAI_VISION, tools: false })),
  rule(/^gpt-4o/, GPT_4O),
  rule(/^gpt-4\.1/, GPT_41),
  rule(/^gpt-4\.5/, chat({ ctx: 128_000, out: 16_384, ...OPENAI_VISION })),
  rule(/^gpt-5(?:\.\d+)?-chat/, chat({ ctx: 128_000, out: 16_384, ...OPENAI_VISION })),
  rule(/^gpt-5/, GPT_5),
  rule(/^gpt-4-(?:1106|0125)-preview|^gpt-4-turbo-preview/, chat({ ctx: 128_000, out: 4_096 })),
  rule(/^gpt-4-turbo|^gpt-4-vision/, chat({ ctx: 128_000, out: 4_096, vision: true })),
  rule(/^gpt-4-32k/, chat({ ctx: 32_768 })),
  rule(/^gpt-3\.5-turbo|^gpt-35-turbo/, chat({ ctx: 16_385, out: 4_096 })),
  // The first o1 models took neither images nor tools.
  rule(/^o1-mini/, chat({ ctx: 128_000, out: 65_536, reasoning: true, tools: false })),
  rule(/^o1-preview/, chat({ ctx: 128_000, out: 32_768, reasoning: true, tools: false })),
  rule(/^o1/, O_SERIES_VISION),
  rule(/^o3-mini/, chat({ ctx: 200_000, out: 100_000, reasoning: true })),
  rule(/^(?:o3|o4-mini)/, O_SERIES_VISION),
  rule(/^gpt-oss/, chat({ ctx: 131_072, reasoning: true })),

  // ── Anthropic ──
  rule(/^claude-(?:opus|sonnet|haiku)-4/, CLAUDE_200K_32K),
  rule(/^claude-3-7/, CLAUDE_200K_64K),
  rule(/^claude-3-5/, chat({ ctx: 200_000, out: 8_192, ...CLAUDE })),
  rule(/^claude-3/, chat({ ctx: 200_000, out: 4_096, ...CLAUDE })),
  // Claude 1/2 had neither images nor tool use.
  rule(/^claude-(?:2|instant)/, chat({ ctx: 100_000, tools: false })),
  // Later generations: everything a Claude 4 takes, with the smallest Claude 4 figures.
  rule(/^claude-/, chat({ ctx: 200_000, ...CLAUDE, reasoning: true })),

  // ── Google ──
  rule(/^gemini-.*-image/, chat({ ctx: 32_768, vision: true, imageOut: true })),
  rule(/^gemini-.*-tts/, special('audio', 8_192, ['text'], ['audio'])),
  rule(/^gemini-1\.5/, chat({ ctx: 1_048_576, out: 8_192, ...GEMINI_MEDIA })),
  rule(/^gemini-2\.0-flash-thinking/, chat({ ctx: 1_048_576, ...GEMINI_MEDIA, reasoning: true })),
  rule(/^gemini-2\.0/, GEMINI_20),
  rule(/^gemini-/, GEMINI_25),
  // Gemma takes no native tool calls (Ollama and the Gemini API both reject tools).
  rule(/^gemma-?3n/, chat({ ctx: 32_768, vision: true, audioIn: true, tools: false })),
  rule(/^gemma-?3/, chat({ ctx: 131_072, vision: true, tools: false })),
  rule(/^gemma/, chat({ ctx: 8_192, tools: false })),

  // ── DeepSeek ──
  rule(/^(?:deepseek-(?:vl|ocr)|janus)/, chat({ ctx: 4_096, vision: true })),
  rule(/^deepseek-r1-distill/, chat({ ctx: 32_768, reasoning: true })),
  rule(/^deepseek-(?:reasoner|r1)/, DEEPSEEK_R1_OPEN),
  // V4 (DeepSeek pricing page): 1M window, 384K answer, thinking; Flash reads images, Pro
  // does not.
  rule(/^deepseek-(?:v4-)?pro(?:-|$)/, chat({ ctx: 1_000_000, out: 384_000, reasoning: true })),
  rule(
    /^deepseek-(?:v4-)?flash(?:-|$)|^deepseek-v4/,
    chat({ ctx: 1_000_000, out: 384_000, vision: true, reasoning: true }),
  ),
  // V3.1 onwards think on request.
  rule(/^deepseek-v3[.-]?[1-9]/, chat({ ctx: 131_072, reasoning: true })),
  rule(/^deepseek-(?:chat|v2|v3|coder)/, DEEPSEEK_V3_OPEN),

  // ── Qwen ──
  rule(/^qvq/, chat({ ctx: 131_072, vision: true, reasoning: true })),
  rule(/^qwq/, chat({ ctx: 131_072, reasoning: true })),
  rule(/^qwen.*omni/, chat({ ctx: 32_768, vision: true, audioIn: true, audioOut: true })),
  rule(/^qwen.*vl/, chat({ ctx: 32_768, vision: true })),
  rule(/^qwen3-coder/, chat({ ctx: 262_144 })),
  rule(/^qwen3-max/, chat({ ctx: 262_144, out: 65_536, reasoning: true })),
  // The 2507 split: -instruct never thinks, -thinking always does.
  rule(/^qwen3-.*-instruct/, chat({ ctx: 262_144 })),
  rule(/^qwen3-.*-thinking/, chat({ ctx: 262_144, reasoning: true })),
  rule(/^qwen3(?:-|$)/, chat({ ctx: 32_768, reasoning: true })),
  rule(/^qwen-max/, chat({ ctx: 32_768, out: 8_192 })),
  rule(/^qwen-(?:plus|turbo|flash)/, chat({ ctx: 131_072, out: 16_384, reasoning: true })),
  rule(/^qwen-long/, chat({ ctx: 10_000_000, out: 8_192 })),
  rule(/^qwen2(?:\.5)?(?:-|$)/, chat({ ctx: 32_768 })),

  // ── Moonshot ──
  rule(/^moonshot-v1-.*vision/, chat({ ctx: 8_192, vision: true }), true),
  rule(/^moonshot-v1/, chat({ ctx: 131_072 }), true),
  rule(/^kimi-k2-thinking/, chat({ ctx: 262_144, reasoning: true })),
  rule(/^kimi-k2\.[5-9]/, chat({ ctx: 262_144, vision: true, reasoning: true })),
  rule(/^kimi-k2/, chat({ ctx: 131_072 })),
  rule(/^kimi-(?:vl|latest)/, chat({ ctx: 131_072, vision: true })),

  // ── Zhipu ──
  rule(/^glm-(?:4\.[1-9]|[5-9](?:\.\d+)?)v/, chat({ ctx: 65_536, vision: true, reasoning: true })),
  rule(/^glm-4v/, chat({ ctx: 8_192, vision: true })),
  rule(/^glm-z1/, chat({ ctx: 32_768, reasoning: true })),
  rule(/^glm-(?:4\.[5-9]|[5-9])/, chat({ ctx: 131_072, reasoning: true })),
  // Most GLM-4 variants have 128K, but -airx has 8K: the smaller figure for the family.
  rule(/^glm-4/, chat({ ctx: 8_192 }), true),

  // ── Mistral ── (see the table: recent snapshots of these families read images)
  rule(/^pixtral/, chat({ ctx: 131_072, vision: true })),
  rule(/^magistral/, chat({ ctx: 40_960, vision: true, reasoning: true })),
  rule(/^(?:mistral-(?:large|medium|small)|ministral)/, chat({ ctx: 32_768, vision: true })),
  rule(/^(?:codestral|devstral)/, chat({ ctx: 32_768 })),
  rule(/^(?:open-)?mistral-nemo/, chat({ ctx: 131_072 })),
  rule(/^voxtral/, chat({ ctx: 32_768, audioIn: true })),
  rule(/^(?:open-)?(?:mistral|mixtral)/, chat({ ctx: 32_768 })),

  // ── xAI ──
  rule(/^grok-4.*non-reasoning/, chat({ ctx: 2_000_000, vision: true })),
  rule(/^grok-4/, chat({ ctx: 256_000, vision: true, reasoning: true })),
  rule(/^grok-code/, chat({ ctx: 256_000, reasoning: true })),
  rule(/^grok-3-mini/, chat({ ctx: 131_072, reasoning: true })),
  rule(/^grok-3/, chat({ ctx: 131_072 })),
  rule(/^grok-(?:2-)?vision/, chat({ ctx: 32_768, vision: true })),
  rule(/^grok-2/, chat({ ctx: 131_072 })),

  // ── Meta Llama ──
  rule(/^(?:meta-)?llama-?4/, chat({ ctx: 131_072, vision: true })),
  rule(/^(?:meta-)?llama-?3\.2.*vision/, chat({ ctx: 131_072, vision: true })),
  rule(/^(?:meta-)?llama-?3[.-][1-3](?:[-_.]|$)/, chat({ ctx: 131_072 })),
  rule(/^(?:meta-)?llama-?3(?:-|$)/, chat({ ctx: 8_192 })),

  // ── Doubao ──
  rule(/^doubao-seed/, chat({ ctx: 131_072, vision: true, reasoning: true })),
  rule(/^doubao-1[-.]5-thinking-vision/, chat({ ctx: 131_072, vision: true, reasoning: true })),
  rule(/^doubao-.*vision/, chat({ ctx: 32_768, vision: true }), true),
  rule(/^doubao-1[-.]5-thinking/, chat({ ctx: 131_072, reasoning: true })),
  rule(/^doubao-(?:1[-.]5-)?(?:pro|lite)/, chat({ ctx: 32_768 }), true),

  // ── Baidu ──
  rule(/^ernie-x1/, chat({ ctx: 32_768, reasoning: true }), true),
  rule(/^ernie-.*(?:-vl|vision)/, chat({ ctx: 32_768, vision: true }), true),
  rule(/^ernie-(?:4\.5|4\.0|3\.5|speed|lite|tiny|character|novel)/, chat({ ctx: 8_192 }), true),

  // ── Tencent, Baichuan, 360, Perplexity, Microsoft ──
  rule(/^hunyuan-t1/, chat({ ctx: 32_768, reasoning: true })),
  rule(/^hunyuan-.*vision|^hunyuan-vision/, chat({ ctx: 8_192, vision: true })),
  rule(/^hunyuan/, chat({ ctx: 32_768 }), true),
  rule(/^baichuan/, chat({ ctx: 32_768 }), true),
  rule(/^360(?:gpt|zhinao)\d*-o1/, chat({ ctx: 8_192, reasoning: true })),
  rule(/^360(?:gpt|zhinao)/, chat({ ctx: 8_192 }), true),
  rule(/^sonar-(?:reasoning|deep-research)/, chat({ ctx: 127_072, vision: true, reasoning: true })),
  rule(/^sonar/, chat({ ctx: 127_072, vision: true })),
  rule(/^phi-?4-multimodal/, chat({ ctx: 131_072, vision: true, audioIn: true, tools: false })),
  rule(/^phi-?4-mini/, chat({ ctx: 131_072 })),
  rule(/^phi-?4/, chat({ ctx: 16_384, tools: false })),
];

// ───────────────────────────── normalization ─────────────────────────────

// Bedrock ids: optional cross-region prefix, then the vendor, e.g.
// `us.anthropic.claude-3-7-sonnet-20250219-v1:0`.
const BEDROCK_PREFIX = new RegExp(
  '^(?:(?:us|eu|apac|au|jp|ca|global|us-gov)\\.)?' +
    '(?:anthropic|meta|amazon|mistral|cohere|ai21|deepseek|qwen|openai|moonshot|moonshotai|writer|google)\\.',
);

// Removed repeatedly from the end until none applies: snapshot dates in the forms vendors
// use (20250514, 2024-08-06, 05-20, 09-2025, 250115 for Ark, 0125/2411 for OpenAI and
// Mistral, 001 for Gemini) and `-latest`.
const SUFFIXES: readonly RegExp[] = [
  /-latest$/,
  /-\d{8}$/,
  /-\d{4}-\d{2}-\d{2}$/,
  /-\d{2}-\d{4}$/,
  /-\d{2}-\d{2}$/,
  /-\d{6}$/,
  /-\d{4}$/,
  /-\d{3}$/,
];

/**
 * The id as the table and the rules expect it: lower case, no vendor or routing prefix
 * (`openai/`, `models/`, `us.anthropic.`), no deployment suffix (`-v1:0`, `@20250514`,
 * `:8b`, `:free`) and no date or `-latest` suffix. Claude ids also get OpenRouter's dotted
 * versions (`claude-3.7-sonnet`) in Anthropic's dashed form, and `-0` aliases
 * (`claude-sonnet-4-0`) lose the `-0`.
 */
export function normalizeModelId(modelId: string): string {
  let id = modelId.trim().toLowerCase();
  const slash = id.lastIndexOf('/');
  if (slash >= 0) id = id.slice(slash + 1);
  id = id.replace(BEDROCK_PREFIX, '');
  id = id.replace(/@.*$/, '');
  id = id.replace(/-v\d+:\d+$/, '');
  id = id.replace(/:.*$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of SUFFIXES) {
      const next = id.replace(re, '');
      // Never strip an id down to nothing or to a bare family word.
      if (next !== id && next.length > 0) {
        id = next;
        changed = true;
      }
    }
  }
  if (id.startsWith('claude')) {
    id = id.replace(/(\d)\.(\d)/g, '$1-$2').replace(/^(claude-[a-z]+-\d)-0$/, '$1');
  }
  return id;
}

// ───────────────────────────── default and hints ─────────────────────────────

const VISION_HINT = /vl(?:[-_.]|\d|$)|vision|4v|omni|multimodal/;
const REASONING_HINT = /thinking|reason|(?:^|[-_.])r1(?:[-_.]|$)|qwq|qvq|(?:^|[-_.])o[1-9](?:[-_.]|$)|(?:^|-)x1(?:-|$)/;
const CTX_HINT = /(?:^|[-_])(\d{1,4})k(?:[-_]|$)/;

/** A window written into the id (`-32k`, `-128k`), in tokens. */
function contextFromId(id: string): number | undefined {
  const m = CTX_HINT.exec(id);
  if (!m) return undefined;
  const k = Number(m[1]);
  return k > 0 ? k * 1024 : undefined;
}

/** Default window for an unrecognized model: a placeholder, never a reason to reject. */
const UNKNOWN_CONTEXT = 8_192;

function unknownModel(id: string): ModelCapabilities {
  // An unknown model is assumed to take tools (nearly all current chat models do) and,
  // since `known` is false, nothing is ever stripped on its account. The hints only make
  // the metadata shown to users less wrong.
  const vision = VISION_HINT.test(id);
  return chat({
    ctx: contextFromId(id) ?? UNKNOWN_CONTEXT,
    vision,
    reasoning: REASONING_HINT.test(id),
    known: false,
  });
}

function withContext(caps: ModelCapabilities, ctx: number): ModelCapabilities {
  return ctx === caps.contextWindow ? caps : freeze({ ...caps, contextWindow: ctx });
}

// ───────────────────────────── lookup ─────────────────────────────

/** `capabilitiesOf` with the lookup step that answered and the normalized id. */
export function resolveCapabilities(modelId: string): CapabilityResolution {
  const lower = modelId.trim().toLowerCase();
  const exact = BY_ID.get(lower);
  if (exact) return { capabilities: exact, source: 'table', normalizedId: lower };

  const id = normalizeModelId(modelId);
  const normalized = BY_ID.get(id);
  if (normalized) return { capabilities: normalized, source: 'table', normalizedId: id };

  for (const r of FAMILY_RULES) {
    if (!r.test.test(id)) continue;
    const ctx = r.ctxFromId ? contextFromId(id) : undefined;
    const capabilities = ctx === undefined ? r.caps : withContext(r.caps, ctx);
    return { capabilities, source: 'family', normalizedId: id };
  }
  return { capabilities: unknownModel(id), source: 'default', normalizedId: id };
}

/**
 * What a model can do, by its upstream id. Never throws: an unrecognized id yields a
 * text chat record with `known: false`, which strip-unsupported.ts leaves alone.
 */
export function capabilitiesOf(modelId: string): ModelCapabilities {
  return resolveCapabilities(modelId).capabilities;
}
