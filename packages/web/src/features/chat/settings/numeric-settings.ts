type NumericKey = 'context_length' | 'max_tokens' | 'temperature' | 'top_p' | 'top_k' | 'frequency_penalty' | 'presence_penalty';

/** One numeric setting: its range (the server's, narrowed where the brief asks), step and default. */
export interface NumericSetting {
  key: NumericKey;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /**
   * What "default" means: a number the server falls back to (context length), or null, which
   * sends nothing and leaves the model's own default.
   */
  fallback: number | null;
  /** Where the slider sits while the setting is unset: the usual upstream default. */
  neutral: number;
  /** The slider's own range when it is narrower than what may be typed (top_k up to 1000); none for max tokens. */
  slider: { min: number; max: number } | null;
}

export const numericSettings: readonly NumericSetting[] = [
  // The slider covers the useful 0–100; the server takes up to 200, so a larger stored value stays valid.
  { key: 'context_length', min: 0, max: 200, step: 1, integer: true, fallback: 8, neutral: 8, slider: { min: 0, max: 100 } },
  // A slider over 1 … 1,000,000 would be useless: a plain number.
  { key: 'max_tokens', min: 1, max: 1_000_000, step: 1, integer: true, fallback: null, neutral: 4096, slider: null },
  { key: 'temperature', min: 0, max: 2, step: 0.1, integer: false, fallback: null, neutral: 1, slider: { min: 0, max: 2 } },
  { key: 'top_p', min: 0, max: 1, step: 0.05, integer: false, fallback: null, neutral: 1, slider: { min: 0, max: 1 } },
  { key: 'top_k', min: 1, max: 1000, step: 1, integer: true, fallback: null, neutral: 40, slider: { min: 1, max: 100 } },
  { key: 'frequency_penalty', min: -2, max: 2, step: 0.1, integer: false, fallback: null, neutral: 0, slider: { min: -2, max: 2 } },
  { key: 'presence_penalty', min: -2, max: 2, step: 0.1, integer: false, fallback: null, neutral: 0, slider: { min: -2, max: 2 } },
];

/** What the user typed, read: a value to send, or why it cannot be sent. */
type Parsed = { ok: true; value: number | null } | { ok: false };

/**
 * Reads a typed value. Empty means the default; a comma is a decimal point (ru, and many
 * keyboards); anything out of range or not whole where it must be is refused, never clamped, so
 * nothing the user did not mean is saved.
 */
export function parseSetting(setting: NumericSetting, text: string): Parsed {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: setting.fallback };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  if (setting.integer && !Number.isInteger(value)) return { ok: false };
  if (value < setting.min || value > setting.max) return { ok: false };
  return { ok: true, value };
}

/** A slider's float snapped to its step (0.1 + 0.2 must save as 0.3). */
export function snap(setting: NumericSetting, value: number): number {
  const decimals = (String(setting.step).split('.')[1] ?? '').length;
  return Number((Math.round(value / setting.step) * setting.step).toFixed(decimals));
}

