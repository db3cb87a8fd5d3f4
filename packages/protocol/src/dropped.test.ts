import { describe, expect, it } from 'vitest';
import { DroppedFeatures, droppedHeaderValue } from './dropped.js';

describe('DroppedFeatures', () => {
  it('keeps first-recorded order, deduplicates and reduces names to header-safe tokens', () => {
    const dropped = new DroppedFeatures();
    dropped.add('tools', 'web_search');
    dropped.add('tools', 'namespace');
    dropped.add('tools', 'web_search');
    dropped.add('role', 'Critic\r\nX-Evil: 1');
    dropped.add('tools');
    expect(dropped.list()).toEqual(['tools.web_search', 'tools.namespace', 'role.critic_x-evil_1', 'tools']);
    expect(dropped.size).toBe(4);
  });

  it('cuts a long list at a name boundary and counts the rest', () => {
    const names = Array.from({ length: 100 }, (_, i) => `content.block_type_number_${i}`);
    const value = droppedHeaderValue(names);
    expect(value.length).toBeLessThanOrEqual(520);
    expect(value).toMatch(/^content\.block_type_number_0,.*,\+\d+$/);
    const shown = value.split(',').slice(0, -1);
    expect(shown.length + Number(value.split(',').at(-1)!.slice(1))).toBe(100);
    expect(droppedHeaderValue(['tools.web_search', 'tools.namespace'])).toBe('tools.web_search,tools.namespace');
  });
});
