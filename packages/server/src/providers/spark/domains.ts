/**
 * Spark models are named by their `domain` (sent in `parameter.chat.domain`), and each domain
 * has its own WebSocket path on spark-api.xf-yun.com, per iFlytek's "星火认知大模型Web API文档"
 * (and the X1 document for the reasoning model). The channel's model names are these domains.
 */
const SPARK_CHAT_PATHS: Readonly<Record<string, string>> = {
  /** Spark Lite. */
  lite: '/v1.1/chat',
  /** Spark Pro. */
  generalv3: '/v3.1/chat',
  'pro-128k': '/chat/pro-128k',
  /** Spark Max. */
  'generalv3.5': '/v3.5/chat',
  'max-32k': '/chat/max-32k',
  '4.0Ultra': '/v4.0/chat',
  /** Spark X1.5 (deep reasoning); `x1` is its former domain, which iFlytek now routes to X1.5. */
  'spark-x': '/v1/x1',
  x1: '/v1/x1',
  /** The science-literature model; it lives on spark-openapi-n.cn-huabei-1.xf-yun.com, so it needs its own channel. */
  kjwx: '/v1.1/chat_kjwx',
  /** Retired domains kept so old channel configurations (Chat Nio, One API) still resolve. */
  general: '/v1.1/chat',
  generalv2: '/v2.1/chat',
};

/** The documented `max_tokens` ceilings; Spark answers a larger value with a parameter error. */
const MAX_TOKENS: Readonly<Record<string, number>> = {
  lite: 4096,
  general: 4096,
  'pro-128k': 4096,
  generalv2: 8192,
  generalv3: 8192,
  'generalv3.5': 8192,
  'max-32k': 8192,
  '4.0Ultra': 8192,
};

class UnknownSparkDomainError extends Error {
  override readonly name = 'UnknownSparkDomainError';
}

/** The chat path of a domain; `extra` adds or overrides entries (fine-tuned or new models). */
export function sparkChatPath(domain: string, extra: Readonly<Record<string, string>> = {}): string {
  const path = extra[domain] ?? SPARK_CHAT_PATHS[domain];
  if (path === undefined) {
    throw new UnknownSparkDomainError(`unknown Spark model "${domain}": use a domain such as ${Object.keys(SPARK_CHAT_PATHS).slice(0, 6).join(', ')}`);
  }
  return path;
}

/** Clamps `max_tokens` to the domain's documented ceiling; unknown domains pass it through. */
export function clampMaxTokens(domain: string, maxTokens: number): number {
  const ceiling = MAX_TOKENS[domain];
  return ceiling === undefined ? maxTokens : Math.min(maxTokens, ceiling);
}
