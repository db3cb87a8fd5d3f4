import type { IrAssistantPart } from '@switchboard/protocol';

/** Everything a model generated in an answer, for local token counting. */
export function outputText(parts: readonly IrAssistantPart[]): string {
  let text = '';
  for (const part of parts) {
    if (part.type === 'text' || part.type === 'reasoning') text += part.text;
    else text += part.name + part.arguments;
  }
  return text;
}
