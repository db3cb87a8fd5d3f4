/**
 * Chat Nio's DashScope channel turned web search on with a `-net` model suffix
 * (`qwen-max-net` → model `qwen-max`, `parameters.enable_search: true`). Channels migrated
 * from it keep those model names, so the suffix keeps working here. It is read from the
 * upstream model name (after the channel's model mapping), which only `build` sees: the
 * IR has no field for web search.
 */
const SUFFIX = '-net';

export function splitSearchSuffix(model: string): { model: string; enableSearch: boolean } {
  if (model.length > SUFFIX.length && model.endsWith(SUFFIX)) {
    return { model: model.slice(0, -SUFFIX.length), enableSearch: true };
  }
  return { model, enableSearch: false };
}
