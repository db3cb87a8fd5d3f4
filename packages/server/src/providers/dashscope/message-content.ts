/**
 * The text of a DashScope `message.content`: a string from text models, `[{text}, …]`
 * from the multimodal endpoint (items without text, such as boxes, are skipped).
 */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let out = '';
  for (const item of content) {
    if (typeof item === 'object' && item !== null && typeof (item as { text?: unknown }).text === 'string') {
      out += (item as { text: string }).text;
    }
  }
  return out;
}
