/** One server-sent event as a browser's EventSource would hand it over. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** Parses a complete text/event-stream body (comments and keep-alives skipped). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\n\n/)) {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) events.push({ id, event, data: data.join('\n') });
  }
  return events;
}

/** The text the answer's `delta` events carry, joined. */
export function deltaText(events: readonly SseEvent[]): string {
  return events
    .filter((e) => e.event === 'delta')
    .map((e) => (JSON.parse(e.data) as { text: string }).text)
    .join('');
}
