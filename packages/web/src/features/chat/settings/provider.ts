/**
 * Which company a model comes from, for the picker's groups and the avatar's colour. The market's
 * `avatar` may name a provider icon (`openai`); otherwise the model id tells (`gpt-4o`,
 * `claude-sonnet-4-5`, `openai/gpt-4o`, `meta-llama/Llama-3.3-70B`). No brand icon package is
 * installed, so a provider is a name and a colour.
 */
interface Provider {
  /** The brand's own name: a proper noun, the same in every language. */
  name: string;
  /** A circle behind the initial; 700-level shades keep white text above 4.5:1 in both themes. */
  color: string;
  /** The model ids it makes, matched against the id's last path segment. */
  models: RegExp;
  /** Other words an avatar or an id's owner segment uses for it. */
  aliases: readonly string[];
}

const none: string[] = [];

const providers = {
  openai: { name: 'OpenAI', color: 'bg-emerald-700', models: /^(gpt|chatgpt|o\d|dall-e|text-embedding|whisper|tts-)/, aliases: none },
  anthropic: { name: 'Anthropic', color: 'bg-orange-700', models: /^claude/, aliases: ['claude'] },
  google: { name: 'Google', color: 'bg-blue-700', models: /^(gemini|gemma|palm)/, aliases: ['gemini', 'vertex'] },
  deepseek: { name: 'DeepSeek', color: 'bg-indigo-700', models: /^deepseek/, aliases: ['deepseek-ai'] },
  qwen: { name: 'Qwen', color: 'bg-violet-700', models: /^(qwen|qwq|qvq)/, aliases: ['alibaba', 'aliyun', 'tongyi', 'dashscope'] },
  zhipu: { name: 'Zhipu GLM', color: 'bg-sky-700', models: /^(glm|chatglm|cogview)/, aliases: ['glm', 'chatglm', 'thudm', 'zai-org'] },
  moonshot: { name: 'Moonshot Kimi', color: 'bg-zinc-700', models: /^(moonshot|kimi)/, aliases: ['kimi', 'moonshotai'] },
  doubao: { name: 'Doubao', color: 'bg-cyan-800', models: /^doubao/, aliases: ['bytedance', 'volcengine', 'ark'] },
  baidu: { name: 'ERNIE', color: 'bg-red-700', models: /^ernie/, aliases: ['ernie', 'wenxin', 'qianfan'] },
  tencent: { name: 'Hunyuan', color: 'bg-teal-700', models: /^hunyuan/, aliases: ['hunyuan'] },
  iflytek: { name: 'iFlytek Spark', color: 'bg-rose-700', models: /^spark/, aliases: ['spark', 'xunfei'] },
  mistral: { name: 'Mistral', color: 'bg-amber-800', models: /^(mistral|mixtral|codestral|magistral|ministral|pixtral|devstral)/, aliases: ['mistralai'] },
  meta: { name: 'Meta Llama', color: 'bg-blue-800', models: /^(llama|meta-llama)/, aliases: ['llama', 'meta-llama'] },
  xai: { name: 'xAI Grok', color: 'bg-neutral-800', models: /^grok/, aliases: ['grok', 'x-ai'] },
  minimax: { name: 'MiniMax', color: 'bg-fuchsia-700', models: /^(abab|minimax)/, aliases: none },
  yi: { name: '01.AI Yi', color: 'bg-lime-800', models: /^yi-/, aliases: ['01-ai', 'lingyiwanwu'] },
  cohere: { name: 'Cohere', color: 'bg-purple-700', models: /^(command|c4ai)/, aliases: none },
} satisfies Record<string, Provider>;

export type ProviderId = keyof typeof providers | 'other';

const ids = Object.keys(providers) as Array<keyof typeof providers>;

function byWord(word: string): keyof typeof providers | undefined {
  const lower = word.toLowerCase();
  return ids.find((id) => id === lower || providers[id].aliases.includes(lower));
}

/** The provider of a market entry: its avatar when that names one, else its model id, else 'other'. */
export function providerOf(entry: { model: string; avatar: string }): ProviderId {
  const fromAvatar = /^https?:/i.test(entry.avatar) ? undefined : byWord(entry.avatar.trim());
  if (fromAvatar) return fromAvatar;
  const segments = entry.model.toLowerCase().split('/');
  const last = (segments.at(-1) ?? '').replace(/^[^a-z0-9]+/, '');
  const fromId = ids.find((id) => providers[id].models.test(last));
  if (fromId) return fromId;
  // `openai/…`, `deepseek-ai/…`: the owner segment of a routed id.
  return (segments.length > 1 && segments[0] && byWord(segments[0])) || 'other';
}

/** A provider's display name; undefined for 'other', which the caller words in the user's language. */
export function providerName(id: ProviderId): string | undefined {
  return id === 'other' ? undefined : providers[id].name;
}

/** The avatar circle's colour classes. */
export function providerColor(id: ProviderId): string {
  return id === 'other' ? 'bg-muted text-muted-foreground' : `${providers[id].color} text-white`;
}
