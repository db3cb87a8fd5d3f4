/**
 * Chat Nio's DashScope channel turned web search on with a `-net` model suffix
 * (`qwen-max-net` → model `qwen-max`, `parameters.enable_search: true`). Channels migrated
 * from it keep those model names, so the suffix keeps working here. The adapter's `build`
 * applies it to the upstream model name (after the channel's model mapping), not
 * `prepare`: the IR has no web-search field, so `prepare` could strip the suffix but not
 * carry the flag on to the wire body.
 */
const SUFFIX = '-net';

export function splitSearchSuffix(model: string): { model: string; enableSearch: boolean } {
  if (model.length > SUFFIX.length && model.endsWith(SUFFIX)) {
    return { model: model.slice(0, -SUFFIX.length), enableSearch: true };
  }
  return { model, enableSearch: false };
}
