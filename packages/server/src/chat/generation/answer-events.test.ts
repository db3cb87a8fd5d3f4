import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryJobEventLog } from '../jobs/memory-job-event-log.js';
import { AnswerEvents } from './answer-events.js';

afterEach(() => vi.useRealTimers());

async function held(log: MemoryJobEventLog, jobId: string) {
  return ((await log.snapshot(jobId)) ?? []).map((e) => [e.event, JSON.parse(e.data) as unknown]);
}

describe('AnswerEvents', () => {
  it('sends the first piece at once, gathers the pieces of one window into one event, and marks each with its offset', async () => {
    vi.useFakeTimers();
    const log = new MemoryJobEventLog();
    const answer = new AnswerEvents(log, 'j', 25);
    answer.add({ type: 'reasoning', text: 'Think. ' });
    answer.add({ type: 'text', text: 'Hel' });
    answer.add({ type: 'text', text: 'lo' });
    expect(await held(log, 'j')).toEqual([['reasoning', { text: 'Think. ', at: 0 }]]);
    vi.advanceTimersByTime(25);
    answer.add({ type: 'text', text: ', world' });
    answer.add({ type: 'finish', reason: 'end' });
    answer.finish();
    expect(await held(log, 'j')).toEqual([
      ['reasoning', { text: 'Think. ', at: 0 }],
      ['delta', { text: 'Hello', at: 0 }],
      ['delta', { text: ', world', at: 5 }],
    ]);
    expect(answer.content).toBe('Hello, world');
    expect(answer.reasoning).toBe('Think. ');
    // Nothing comes after finish.
    vi.advanceTimersByTime(100);
    expect(await held(log, 'j')).toHaveLength(3);
    await log.close();
  });
});
