import type { BuiltinPreset } from './builtin-preset.js';
import { LIFE_PRESETS } from './life-presets.js';
import { MORE_WORK_PRESETS } from './more-work-presets.js';
import { WORK_PRESETS } from './work-presets.js';

/** Every built-in preset, in the order the picker shows them. */
export const BUILTIN_PRESETS: readonly BuiltinPreset[] = [...WORK_PRESETS, ...MORE_WORK_PRESETS, ...LIFE_PRESETS];

export function builtinPreset(id: string): BuiltinPreset | undefined {
  return BUILTIN_PRESETS.find((p) => p.id === id);
}
