import type { Message } from '@/features/chat/data/types';

/** A file name from the first words of a message, safe on every system. */
export function fileNameFor(message: Pick<Message, 'content' | 'created_at'>): string {
  const words = message.content
    .replace(/[`*_#>[\]()!|~]/g, ' ')
    // Characters Windows, macOS or Linux refuse in a name, and control characters.
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .split(/\s+/)
    .join(' ')
    .slice(0, 40)
    .trim();
  const stamp = new Date(message.created_at).toISOString().slice(0, 10);
  return `${words || 'message'} ${stamp}.md`;
}

/** Downloads the message's markdown as a file. */
export function saveMessageAsFile(message: Message): void {
  const url = URL.createObjectURL(new Blob([message.content], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFor(message);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
