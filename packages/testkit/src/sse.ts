// Minimal SSE reader for tests: returns the `data` payload of each event, in order.
// Comments (`: keep-alive`) and other fields are skipped; multi-line data is joined
// with "\n" as the SSE spec requires. Exported so the server's tests can parse the
// gateway's streams with the same rules used to check the mock.
export function parseSSEData(text: string): string[] {
  const out: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split('\n\n')) {
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
    }
    if (data.length > 0) out.push(data.join('\n'));
  }
  return out;
}
