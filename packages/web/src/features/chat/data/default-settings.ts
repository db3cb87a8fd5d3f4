import type { ChatSettings } from './types';

/** A new conversation's settings as the server stores them when none are given (model "" = the market's default). */
export const defaultChatSettings: ChatSettings = {
  model: '',
  context_length: 8,
  max_tokens: null,
  temperature: null,
  top_p: null,
  top_k: null,
  presence_penalty: null,
  frequency_penalty: null,
  repetition_penalty: null,
  system_prompt: '',
  web_search: false,
};
