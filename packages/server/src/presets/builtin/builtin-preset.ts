import type { ContextMessage } from '../preset-schema.js';
import type { PresetLang } from './languages.js';

/** What a built-in preset shows in one language. */
export interface PresetText {
  name: string;
  description: string;
  context: ContextMessage[];
}

/** A built-in preset: a stable id (users' clones and the web app refer to it), an emoji, and every language. */
export interface BuiltinPreset {
  id: string;
  avatar: string;
  texts: Record<PresetLang, PresetText>;
}

/** Shorthand for the common case: one system message. */
export function text(name: string, description: string, system: string): PresetText {
  return { name, description, context: [{ role: 'system', content: system }] };
}
