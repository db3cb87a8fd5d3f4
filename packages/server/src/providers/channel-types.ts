/**
 * Channel-type presets. Choosing a type in the console pre-fills a new channel's
 * base URL and template model list. The `id` is what the API and the `channels.type`
 * column store, so ids must never be renamed once shipped. Add new ones instead.
 *
 * `protocol` picks the adapter (providers/adapters.ts) that speaks to the upstream. For
 * vendors with both a native protocol and an OpenAI-compatible endpoint, the plain type
 * uses the compatible endpoint and a separate type speaks the native protocol.
 */

export type WireProtocol =
  | 'openai'
  | 'azure'
  | 'anthropic'
  | 'gemini'
  | 'bedrock'
  | 'vertex'
  | 'dashscope'
  | 'hunyuan'
  | 'zhipu'
  | 'spark';

export interface ChannelTypePreset {
  /** Stable lower-case id used in the API and the DB, e.g. 'deepseek'. */
  id: string;
  /** Display name. */
  name: string;
  /** The wire protocol the relay must speak to this upstream. */
  protocol: WireProtocol;
  /**
   * Default base URL including the version path. The relay appends '/chat/completions',
   * '/models', '/embeddings'. It is '' only where the URL is per account (Azure) or
   * unknown (custom).
   */
  baseUrl: string;
  /** Hint shown when the key has several parts joined by '|'. Omitted for plain API keys. */
  keyFormat?: string;
  /** Template models: commonly used, real upstream ids. Operators edit or re-fetch them. */
  models: string[];
  /** Vendor API documentation. */
  docs?: string;
}

/** Shared by the OpenAI-compatible and the native preset of the same vendor. */
const QWEN_MODELS = [
  'qwen3-max',
  'qwen-max',
  'qwen-plus',
  'qwen-turbo',
  'qwen-flash',
  'qwen-long',
  'qwq-plus',
  'qwen3-coder-plus',
  'qwen-vl-max',
  'qwen-vl-plus',
  'deepseek-v3',
  'deepseek-r1',
  'text-embedding-v4',
  'text-embedding-v3',
];

/** Shared by the OpenAI-compatible and the native preset of the same vendor. */
const HUNYUAN_MODELS = [
  'hunyuan-turbos-latest',
  'hunyuan-t1-latest',
  'hunyuan-turbo',
  'hunyuan-large',
  'hunyuan-pro',
  'hunyuan-standard',
  'hunyuan-standard-256K',
  'hunyuan-lite',
  'hunyuan-vision',
  'hunyuan-code',
  'hunyuan-role',
  'hunyuan-functioncall',
  'hunyuan-embedding',
];

const PRESETS: ChannelTypePreset[] = [
  {
    id: 'openai',
    name: 'OpenAI',
    protocol: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    models: [
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'gpt-5',
      'gpt-5-mini',
      'gpt-5-nano',
      'o3',
      'o3-mini',
      'o4-mini',
      'text-embedding-3-small',
      'text-embedding-3-large',
    ],
    docs: 'https://platform.openai.com/docs/api-reference',
  },
  {
    // Azure routes by resource and deployment, not by one global host. The resource
    // endpoint therefore travels with each key, and chat-nio kept the same `key|endpoint`
    // layout. Models here are deployment names. Operators usually name deployments
    // after the model.
    id: 'azure',
    name: 'Azure OpenAI',
    protocol: 'azure',
    baseUrl: '',
    keyFormat: 'key|https://<resource>.openai.azure.com',
    models: [
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-4.1',
      'gpt-4.1-mini',
      'o3-mini',
      'o4-mini',
      'text-embedding-3-small',
      'text-embedding-3-large',
    ],
    docs: 'https://learn.microsoft.com/azure/ai-services/openai/reference',
  },
  {
    // Native Messages API (x-api-key, anthropic-version). Anthropic's OpenAI SDK
    // compatibility layer on the same /v1 base is documented as not production-grade
    // and drops features such as prompt caching, so the native protocol is used.
    id: 'anthropic',
    name: 'Anthropic Claude',
    protocol: 'anthropic',
    baseUrl: 'https://api.anthropic.com/v1',
    models: [
      'claude-opus-4-6',
      'claude-sonnet-4-6',
      'claude-opus-4-5-20251101',
      'claude-sonnet-4-5-20250929',
      'claude-haiku-4-5-20251001',
      'claude-opus-4-1-20250805',
      'claude-opus-4-20250514',
      'claude-sonnet-4-20250514',
      'claude-3-7-sonnet-20250219',
      'claude-3-5-haiku-20241022',
    ],
    docs: 'https://docs.anthropic.com/en/api/messages',
  },
  {
    // Native generateContent API with an AI Studio key (x-goog-api-key).
    id: 'gemini',
    name: 'Google Gemini',
    protocol: 'gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    models: [
      'gemini-2.5-pro',
      'gemini-2.5-flash',
      'gemini-2.5-flash-lite',
      'gemini-2.0-flash',
      'gemini-2.0-flash-lite',
      'gemini-embedding-001',
    ],
    docs: 'https://ai.google.dev/gemini-api/docs',
  },
  {
    // Claude on AWS Bedrock (InvokeModel, Messages body, SigV4). The base URL is optional:
    // it defaults to the key's region, https://bedrock-runtime.{region}.amazonaws.com.
    id: 'bedrock',
    name: 'AWS Bedrock (Claude)',
    protocol: 'bedrock',
    baseUrl: '',
    keyFormat: 'ACCESS_KEY_ID|SECRET_ACCESS_KEY|REGION[|SESSION_TOKEN]',
    models: [
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'anthropic.claude-opus-4-1-20250805-v1:0',
      'anthropic.claude-sonnet-4-20250514-v1:0',
      'anthropic.claude-3-7-sonnet-20250219-v1:0',
      'anthropic.claude-3-5-haiku-20241022-v1:0',
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    ],
    docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html',
  },
  {
    // Google Vertex AI: Claude (publisher anthropic, rawPredict) and Gemini (publisher google)
    // on one channel, authenticated with a service account. Base URL optional, from the region.
    id: 'vertex',
    name: 'Google Vertex AI (Claude, Gemini)',
    protocol: 'vertex',
    baseUrl: '',
    keyFormat: 'REGION|<service-account JSON on one line>  or  REGION|PROJECT_ID|<JSON>',
    models: [
      'claude-sonnet-4-5@20250929',
      'claude-opus-4-1@20250805',
      'claude-sonnet-4@20250514',
      'claude-3-7-sonnet@20250219',
      'gemini-2.5-pro',
      'gemini-2.5-flash',
    ],
    docs: 'https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/use-claude',
  },
  {
    // Alibaba DashScope's native API (text- and multimodal-generation, incremental output).
    // A `-net` model suffix turns on web search, as Chat Nio did.
    id: 'dashscope',
    name: 'Alibaba DashScope (native API)',
    protocol: 'dashscope',
    baseUrl: 'https://dashscope.aliyuncs.com',
    models: QWEN_MODELS,
    docs: 'https://help.aliyun.com/zh/model-studio/use-qwen-by-calling-api',
  },
  {
    // Tencent Hunyuan's native API, signed with TC3-HMAC-SHA256.
    id: 'hunyuan-native',
    name: 'Tencent Hunyuan (TC3-signed API)',
    protocol: 'hunyuan',
    baseUrl: 'https://hunyuan.tencentcloudapi.com',
    keyFormat: 'SecretId|SecretKey',
    models: HUNYUAN_MODELS,
    docs: 'https://cloud.tencent.com/document/api/1729/105701',
  },
  {
    // iFlytek Spark's native WebSocket API, as Chat Nio used it: the URL is signed with
    // HMAC-SHA256, each model domain has its own path, answers arrive as frames.
    id: 'spark-native',
    name: 'iFlytek Spark (native WebSocket API)',
    protocol: 'spark',
    baseUrl: 'https://spark-api.xf-yun.com',
    keyFormat: 'APPID|APISecret|APIKey',
    models: ['4.0Ultra', 'generalv3.5', 'max-32k', 'generalv3', 'pro-128k', 'lite', 'spark-x'],
    docs: 'https://www.xfyun.cn/doc/spark/Web.html',
  },
  {
    // DeepSeek exposes exactly two chat ids: V3 is 'deepseek-chat' and R1 is
    // 'deepseek-reasoner'. The list is short on purpose.
    id: 'deepseek',
    name: 'DeepSeek',
    protocol: 'openai',
    baseUrl: 'https://api.deepseek.com/v1',
    models: ['deepseek-chat', 'deepseek-reasoner'],
    docs: 'https://api-docs.deepseek.com',
  },
  {
    // The mainland endpoint, which chat-nio and one-api also use. International accounts
    // use https://api.moonshot.ai/v1. Keys do not work across the two.
    id: 'moonshot',
    name: 'Moonshot AI (Kimi)',
    protocol: 'openai',
    baseUrl: 'https://api.moonshot.cn/v1',
    models: [
      'kimi-k2.6',
      'kimi-k2.5',
      'moonshot-v1-8k',
      'moonshot-v1-32k',
      'moonshot-v1-128k',
      'moonshot-v1-auto',
      'moonshot-v1-8k-vision-preview',
      'moonshot-v1-32k-vision-preview',
      'moonshot-v1-128k-vision-preview',
    ],
    docs: 'https://platform.moonshot.cn/docs',
  },
  {
    id: 'groq',
    name: 'Groq',
    protocol: 'openai',
    baseUrl: 'https://api.groq.com/openai/v1',
    models: [
      'llama-3.3-70b-versatile',
      'llama-3.1-8b-instant',
      'openai/gpt-oss-120b',
      'openai/gpt-oss-20b',
      'meta-llama/llama-4-scout-17b-16e-instruct',
      'meta-llama/llama-4-maverick-17b-128e-instruct',
      'qwen/qwen3-32b',
    ],
    docs: 'https://console.groq.com/docs',
  },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    protocol: 'openai',
    baseUrl: 'https://openrouter.ai/api/v1',
    models: [
      'openrouter/auto',
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
      'openai/gpt-4.1',
      'anthropic/claude-sonnet-4',
      'anthropic/claude-3.7-sonnet',
      'google/gemini-2.5-pro',
      'google/gemini-2.5-flash',
      'deepseek/deepseek-chat',
      'deepseek/deepseek-r1',
      'meta-llama/llama-3.3-70b-instruct',
      'qwen/qwen3-235b-a22b',
      'x-ai/grok-4',
      'z-ai/glm-4.5',
    ],
    docs: 'https://openrouter.ai/docs',
  },
  {
    id: 'mistral',
    name: 'Mistral AI',
    protocol: 'openai',
    baseUrl: 'https://api.mistral.ai/v1',
    models: [
      'mistral-large-latest',
      'mistral-medium-latest',
      'mistral-small-latest',
      'magistral-medium-latest',
      'magistral-small-latest',
      'codestral-latest',
      'pixtral-large-latest',
      'ministral-8b-latest',
      'ministral-3b-latest',
      'open-mistral-nemo',
      'mistral-embed',
    ],
    docs: 'https://docs.mistral.ai/api/',
  },
  {
    id: 'xai',
    name: 'xAI (Grok)',
    protocol: 'openai',
    baseUrl: 'https://api.x.ai/v1',
    models: [
      'grok-4',
      'grok-4-0709',
      'grok-4-fast-reasoning',
      'grok-4-fast-non-reasoning',
      'grok-code-fast-1',
      'grok-3',
      'grok-3-mini',
      'grok-2-vision-1212',
    ],
    docs: 'https://docs.x.ai',
  },
  {
    id: 'siliconflow',
    name: 'SiliconFlow',
    protocol: 'openai',
    baseUrl: 'https://api.siliconflow.cn/v1',
    models: [
      'deepseek-ai/DeepSeek-V3',
      'deepseek-ai/DeepSeek-R1',
      'Qwen/Qwen3-235B-A22B',
      'Qwen/Qwen3-32B',
      'Qwen/Qwen3-8B',
      'Qwen/Qwen2.5-72B-Instruct',
      'Qwen/Qwen2.5-7B-Instruct',
      'moonshotai/Kimi-K2-Instruct',
      'THUDM/glm-4-9b-chat',
      'BAAI/bge-m3',
      'BAAI/bge-large-zh-v1.5',
    ],
    docs: 'https://docs.siliconflow.cn',
  },
  {
    // The v4 API also accepts the raw `id.secret` key as a Bearer token and speaks OpenAI
    // chat completions, so chat-nio's HS256 JWT signing is not needed for milestone 1.
    // OpenAI-compatible body; `id.secret` keys are sent as short-lived HS256 JWTs, others as Bearer.
    id: 'zhipu',
    name: 'Zhipu GLM',
    protocol: 'zhipu',
    baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
    models: [
      'glm-4.6',
      'glm-4.5',
      'glm-4.5-air',
      'glm-4.5-flash',
      'glm-4.5v',
      'glm-4-plus',
      'glm-4-air',
      'glm-4-airx',
      'glm-4-long',
      'glm-4-flash',
      'glm-4v-plus',
      'glm-4v-flash',
      'embedding-3',
    ],
    docs: 'https://docs.bigmodel.cn',
  },
  {
    id: 'baichuan',
    name: 'Baichuan',
    protocol: 'openai',
    baseUrl: 'https://api.baichuan-ai.com/v1',
    models: [
      'Baichuan4',
      'Baichuan4-Turbo',
      'Baichuan4-Air',
      'Baichuan3-Turbo',
      'Baichuan3-Turbo-128k',
      'Baichuan2-Turbo',
    ],
    docs: 'https://platform.baichuan-ai.com/docs/api',
  },
  {
    // Older one-api builds used https://ai.360.cn. The current platform documents
    // api.360.cn.
    id: 'zhinao',
    name: '360 Zhinao',
    protocol: 'openai',
    baseUrl: 'https://api.360.cn/v1',
    models: [
      '360gpt2-pro',
      '360gpt-pro',
      '360gpt-turbo',
      '360gpt-turbo-responsibility-8k',
      '360gpt2-o1',
      '360zhinao2-o1',
    ],
    docs: 'https://ai.360.cn/platform/docs/overview',
  },
  {
    // Hunyuan's OpenAI-compatible endpoint takes a console "sk-" API key. The native
    // TC3-signed API is the separate 'hunyuan-native' type.
    id: 'hunyuan',
    name: 'Tencent Hunyuan',
    protocol: 'openai',
    baseUrl: 'https://api.hunyuan.cloud.tencent.com/v1',
    models: HUNYUAN_MODELS,
    docs: 'https://cloud.tencent.com/document/product/1729/111007',
  },
  {
    // ByteDance Volcengine Ark. "Skylark" (云雀) is the older name of the same model
    // family and is what chat-nio calls this type. Ark API keys are plain Bearer
    // tokens. The `ak|sk` pair only matters for the native signed API. Ark also accepts
    // endpoint ids ('ep-...') in place of model ids.
    id: 'doubao',
    name: 'Doubao (Volcengine Ark)',
    protocol: 'openai',
    baseUrl: 'https://ark.cn-beijing.volces.com/api/v3',
    models: [
      'doubao-seed-1-6-251015',
      'doubao-seed-1-6-250615',
      'doubao-seed-1-6-flash-250828',
      'doubao-seed-1-6-thinking-250715',
      'doubao-seed-1-6-vision-250815',
      'doubao-1-5-pro-32k-250115',
      'doubao-1-5-pro-256k-250115',
      'doubao-1-5-lite-32k-250115',
      'doubao-1-5-thinking-pro-250415',
      'deepseek-v3-250324',
      'deepseek-r1-250528',
      'doubao-embedding-text-240715',
    ],
    docs: 'https://www.volcengine.com/docs/82379',
  },
  {
    // The HTTP API is OpenAI-compatible. Its key is the APIPassword from the console.
    // The console lists it per model version, so a version whose password differs needs
    // its own channel. The WebSocket API chat-nio used is the 'spark-native' type. Model ids
    // are Spark "domain" names: lite=Lite, generalv3=Pro, pro-128k, generalv3.5=Max, max-32k, 4.0Ultra.
    id: 'spark',
    name: 'iFlytek Spark',
    protocol: 'openai',
    baseUrl: 'https://spark-api-open.xf-yun.com/v1',
    models: ['4.0Ultra', 'generalv3.5', 'max-32k', 'generalv3', 'pro-128k', 'lite'],
    docs: 'https://www.xfyun.cn/doc/spark/HTTP%E8%B0%83%E7%94%A8%E6%96%87%E6%A1%A3.html',
  },
  {
    // DashScope's compatible mode. The native text-generation API (incremental_output,
    // the '-net' search suffix chat-nio supported) waits for the 'dashscope' protocol.
    // International accounts use https://dashscope-intl.aliyuncs.com/compatible-mode/v1.
    id: 'qwen',
    name: 'Alibaba Qwen (DashScope)',
    protocol: 'openai',
    baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    models: QWEN_MODELS,
    docs: 'https://help.aliyun.com/zh/model-studio/',
  },
  {
    // one-api and new-api both ship Baidu channels. Qianfan v2 is OpenAI-compatible and
    // takes a 'bce-v3/...' API key as a Bearer token. The legacy AK/SK access-token
    // flow is not needed.
    id: 'qianfan',
    name: 'Baidu Qianfan (ERNIE)',
    protocol: 'openai',
    baseUrl: 'https://qianfan.baidubce.com/v2',
    models: [
      'ernie-4.5-turbo-128k',
      'ernie-x1-turbo-32k',
      'ernie-4.0-turbo-8k',
      'ernie-4.0-8k',
      'ernie-3.5-8k',
      'ernie-3.5-128k',
      'ernie-speed-128k',
      'ernie-lite-8k',
      'deepseek-v3',
      'deepseek-r1',
    ],
    docs: 'https://cloud.baidu.com/doc/qianfan/s/Hmh4suq26',
  },
  {
    // Perplexity serves chat completions at the host root with no version segment. It
    // has no /models listing, so fetching models for this type returns nothing.
    id: 'perplexity',
    name: 'Perplexity',
    protocol: 'openai',
    baseUrl: 'https://api.perplexity.ai',
    models: ['sonar', 'sonar-pro', 'sonar-reasoning-pro', 'sonar-deep-research'],
    docs: 'https://docs.perplexity.ai',
  },
  {
    // Ollama ignores the key, but the channel form still wants one. Any placeholder
    // works. Ids are library names and resolve to their ':latest' tag.
    id: 'ollama',
    name: 'Ollama',
    protocol: 'openai',
    baseUrl: 'http://localhost:11434/v1',
    models: [
      'llama3.2',
      'llama3.1',
      'qwen3',
      'qwen2.5',
      'deepseek-r1',
      'gemma3',
      'mistral',
      'phi4',
      'gpt-oss',
      'nomic-embed-text',
    ],
    docs: 'https://github.com/ollama/ollama/blob/main/docs/openai.md',
  },
  {
    // Model ids are whatever the operator configured. These are the defaults of the
    // LocalAI all-in-one images, plus a gallery model the docs use as an example.
    id: 'localai',
    name: 'LocalAI',
    protocol: 'openai',
    baseUrl: 'http://localhost:8080/v1',
    models: ['gpt-4', 'gpt-4-vision-preview', 'qwen3-4b', 'text-embedding-ada-002'],
    docs: 'https://localai.io/basics/try/',
  },
  {
    // Any other OpenAI-compatible upstream: one-api/new-api relays, vLLM, LM Studio and
    // the like. Most re-export OpenAI model names, so those make the least surprising
    // template until the operator fetches the real list.
    id: 'openai-compatible',
    name: 'OpenAI-compatible (custom)',
    protocol: 'openai',
    baseUrl: '',
    models: ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini'],
  },
];

// Presets are shared by every request that pre-fills a channel. Freezing them means a
// caller that mutates `preset.models` fails loudly and cannot quietly change the table
// for everyone else.
for (const p of PRESETS) {
  Object.freeze(p.models);
  Object.freeze(p);
}

export const CHANNEL_TYPES: readonly ChannelTypePreset[] = Object.freeze(PRESETS);

const BY_ID: ReadonlyMap<string, ChannelTypePreset> = new Map(CHANNEL_TYPES.map((p) => [p.id, p]));

export function channelTypeById(id: string): ChannelTypePreset | undefined {
  return BY_ID.get(id);
}

function nonEmpty<T>(items: readonly T[]): readonly [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('CHANNEL_TYPES must not be empty');
  return Object.freeze([first, ...rest] as [T, ...T[]]);
}

/** The ids as a non-empty tuple, the shape `z.enum(...)` requires. */
export const CHANNEL_TYPE_IDS: readonly [string, ...string[]] = nonEmpty(CHANNEL_TYPES.map((p) => p.id));
