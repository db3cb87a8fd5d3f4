import { DroppedFeatures, type ChatCompletionRequest, type IrRequest } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, type ModelCapabilities } from './model-capabilities.js';
import {
  AUDIO_PLACEHOLDER,
  IMAGE_PLACEHOLDER,
  VIDEO_PLACEHOLDER,
  filePlaceholder,
  stripUnsupportedIr,
  stripUnsupportedOpenAI,
} from './strip-unsupported.js';

/** Freezes the whole tree, so any write to the input throws (ES modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The input, frozen, plus a deep copy to compare against afterwards. */
function frozen<T>(value: T): { input: T; snapshot: T } {
  return { snapshot: structuredClone(value), input: deepFreeze(value) };
}

const TEXT_ONLY = capabilitiesOf('deepseek-chat'); // known: no images, files, audio; tools; no reasoning
const VISION = capabilitiesOf('gpt-4o'); // images and files, no audio, no reasoning
const REASONER = capabilitiesOf('o3');
const NO_TOOLS = capabilitiesOf('phi4');
const UNKNOWN = capabilitiesOf('acme-unknown-model');
const EMBEDDING = capabilitiesOf('text-embedding-3-small');
const EVERYTHING = capabilitiesOf('openrouter/auto');

const PNG = { kind: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } as const;

function irWithEverything(): IrRequest {
  return {
    model: 'm',
    system: [{ type: 'text', text: 'Be brief.' }],
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image', source: PNG, detail: 'low' },
          { type: 'file', source: { kind: 'file-id', fileId: 'file-1' }, filename: 'report.pdf' },
          { type: 'audio', data: 'UklGRg==', format: 'wav' },
        ],
      },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', id: 'c1', name: 'look', arguments: '{}' }],
      },
      {
        role: 'tool',
        toolCallId: 'c1',
        content: [
          { type: 'text', text: 'Screenshot:' },
          { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Thanks' }] },
    ],
    tools: [{ name: 'look', parameters: { type: 'object' } }],
    toolChoice: { type: 'auto' },
    parallelToolCalls: false,
    reasoning: { effort: 'high' },
    stream: false,
    extra: { protocol: 'openai-chat', fields: { reasoning_effort: 'xhigh', enable_thinking: true, logprobs: true } },
  };
}

describe('stripUnsupportedIr', () => {
  it('returns the same object when the model takes everything in the request', () => {
    const { input } = frozen(irWithEverything());
    const r = stripUnsupportedIr(input, EVERYTHING);
    expect(r.ir).toBe(input);
    expect(r.notes).toEqual([]);
  });

  it('returns the same object for a text-only request to a text-only model', () => {
    const { input } = frozen<IrRequest>({
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      stream: true,
    });
    expect(stripUnsupportedIr(input, TEXT_ONLY).ir).toBe(input);
  });

  it('leaves requests to unknown and non-chat models alone', () => {
    const { input } = frozen(irWithEverything());
    expect(stripUnsupportedIr(input, UNKNOWN).ir).toBe(input);
    expect(stripUnsupportedIr(input, EMBEDDING).ir).toBe(input);
  });

  it('replaces media with placeholders for a text-only model, without touching the input', () => {
    const { input, snapshot } = frozen(irWithEverything());
    const { ir, notes } = stripUnsupportedIr(input, TEXT_ONLY);

    expect(input).toEqual(snapshot);
    expect(ir).not.toBe(input);
    // One text part: the OpenAI encoder then sends a plain string.
    expect(ir.messages[0]).toEqual({
      role: 'user',
      content: [
        {
          type: 'text',
          text: ['What is in these?', IMAGE_PLACEHOLDER, filePlaceholder('report.pdf'), AUDIO_PLACEHOLDER].join('\n'),
        },
      ],
    });
    expect(ir.messages[2]).toEqual({
      role: 'tool',
      toolCallId: 'c1',
      content: [{ type: 'text', text: `Screenshot:\n${IMAGE_PLACEHOLDER}` }],
    });
    // Unchanged messages are shared, not copied.
    expect(ir.messages[1]).toBe(input.messages[1]);
    expect(ir.messages[3]).toBe(input.messages[3]);
    expect(ir.system).toBe(input.system);

    // deepseek-chat takes tools but does not reason.
    expect(ir.tools).toBe(input.tools);
    expect(ir.toolChoice).toBe(input.toolChoice);
    expect('reasoning' in ir).toBe(false);
    expect(ir.extra).toEqual({ protocol: 'openai-chat', fields: { logprobs: true } });

    expect(notes).toEqual([
      'replaced 2 images with a placeholder: the model cannot read images',
      'replaced 1 file with a placeholder: the model cannot read files',
      'replaced 1 audio clip with a placeholder: the model cannot hear audio',
      'removed reasoning settings: the model does not reason',
    ]);
  });

  it('keeps what the model can take', () => {
    const { input } = frozen(irWithEverything());
    const { ir, notes } = stripUnsupportedIr(input, VISION);
    const parts = ir.messages[0]?.content ?? [];
    expect(parts.map((p) => p.type)).toEqual(['text', 'image', 'file', 'text']);
    expect(parts[3]).toEqual({ type: 'text', text: AUDIO_PLACEHOLDER });
    // The image and the file are the caller's own objects.
    expect(parts[1]).toBe(input.messages[0]?.content[1]);
    expect(ir.messages[2]).toBe(input.messages[2]);
    expect(notes[0]).toBe('replaced 1 audio clip with a placeholder: the model cannot hear audio');
  });

  it('keeps reasoning settings for a reasoning model', () => {
    const { input } = frozen(irWithEverything());
    const { ir } = stripUnsupportedIr(input, REASONER);
    expect(ir.reasoning).toBe(input.reasoning);
    expect(ir.extra).toBe(input.extra);
  });

  it('removes tools, tool choice and parallel calls for a model without tools', () => {
    const { input, snapshot } = frozen(irWithEverything());
    const { ir, notes } = stripUnsupportedIr(input, NO_TOOLS);
    expect(input).toEqual(snapshot);
    // phi4 is text-only too, so messages change; see the next test for a tools-only change.
    expect('tools' in ir || 'toolChoice' in ir || 'parallelToolCalls' in ir).toBe(false);
    expect(notes).toContain('removed tool definitions and tool choice: the model does not support tool calls');
  });

  it('removes a lone tool choice too', () => {
    const { input } = frozen<IrRequest>({
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      toolChoice: { type: 'none' },
      stream: false,
    });
    const { ir } = stripUnsupportedIr(input, NO_TOOLS);
    expect(ir).not.toBe(input);
    expect('toolChoice' in ir).toBe(false);
    expect(ir.messages).toBe(input.messages);
  });

  it('drops `extra` when only reasoning fields were in it', () => {
    const { input } = frozen<IrRequest>({
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      stream: false,
      extra: { protocol: 'openai-chat', fields: { reasoning_effort: 'none' } },
    });
    const { ir, notes } = stripUnsupportedIr(input, TEXT_ONLY);
    expect('extra' in ir).toBe(false);
    expect(notes).toEqual(['removed reasoning settings: the model does not reason']);
  });

  it('keeps a cache marker on the placeholder instead of merging it away', () => {
    const { input } = frozen<IrRequest>({
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image', source: PNG, cacheControl: { type: 'ephemeral' } },
            { type: 'text', text: 'and answer' },
          ],
        },
      ],
      stream: false,
    });
    const { ir } = stripUnsupportedIr(input, TEXT_ONLY);
    expect(ir.messages[0]?.content).toEqual([
      { type: 'text', text: 'Look' },
      { type: 'text', text: IMAGE_PLACEHOLDER, cacheControl: { type: 'ephemeral' } },
      { type: 'text', text: 'and answer' },
    ]);
  });

  it('does not merge the caller’s own text parts with each other', () => {
    const { input } = frozen<IrRequest>({
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'A' },
            { type: 'text', text: 'B' },
            { type: 'image', source: PNG },
            { type: 'text', text: 'C' },
            { type: 'text', text: 'D' },
          ],
        },
      ],
      stream: false,
    });
    const { ir } = stripUnsupportedIr(input, TEXT_ONLY);
    expect(ir.messages[0]?.content).toEqual([
      { type: 'text', text: 'A' },
      { type: 'text', text: `B\n${IMAGE_PLACEHOLDER}\nC` },
      { type: 'text', text: 'D' },
    ]);
  });

  it('strips files only when the model lacks file input', () => {
    const visionNoFiles: ModelCapabilities = { ...VISION, input: ['text', 'image'] };
    const { input } = frozen(irWithEverything());
    const parts = stripUnsupportedIr(input, visionNoFiles).ir.messages[0]?.content ?? [];
    expect(parts.map((p) => p.type)).toEqual(['text', 'image', 'text']);
    expect(parts[2]).toEqual({ type: 'text', text: `${filePlaceholder('report.pdf')}\n${AUDIO_PLACEHOLDER}` });
  });
});

describe('filePlaceholder', () => {
  it('quotes and shortens the name', () => {
    expect(filePlaceholder()).toBe('[file omitted: this model cannot read files]');
    expect(filePlaceholder('a"b]\nc.pdf')).toBe('[file "a\\"b]\\nc.pdf" omitted: this model cannot read files]');
    expect(filePlaceholder('x'.repeat(300)).length).toBeLessThan(160);
  });
});

// ───────────────────────────── OpenAI Chat ─────────────────────────────

function bodyWithEverything(): ChatCompletionRequest {
  return {
    model: 'm',
    messages: [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
          { type: 'file', file: { filename: 'report.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
          { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          { type: 'video_url', video_url: { url: 'https://example.com/v.mp4' } },
        ],
      },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'look', arguments: '{}' } }] },
      {
        role: 'tool',
        tool_call_id: 'c1',
        content: [
          { type: 'text', text: 'Screenshot:', cache_control: { type: 'ephemeral' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
      { role: 'user', content: 'Thanks' },
    ],
    tools: [{ type: 'function', function: { name: 'look', parameters: { type: 'object' } } }],
    tool_choice: 'auto',
    parallel_tool_calls: false,
    reasoning_effort: 'high',
    thinking: { type: 'enabled' },
    enable_thinking: true,
    temperature: 0.2,
  };
}

describe('stripUnsupportedOpenAI', () => {
  it('returns the same object when nothing needs to change', () => {
    const { input } = frozen(bodyWithEverything());
    const r = stripUnsupportedOpenAI(input, EVERYTHING);
    expect(r.body).toBe(input);
    expect(r.notes).toEqual([]);

    const plain = deepFreeze<ChatCompletionRequest>({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(stripUnsupportedOpenAI(plain, TEXT_ONLY).body).toBe(plain);
    expect(stripUnsupportedOpenAI(plain, NO_TOOLS).body).toBe(plain);
  });

  it('leaves requests to unknown and non-chat models alone', () => {
    const { input } = frozen(bodyWithEverything());
    expect(stripUnsupportedOpenAI(input, UNKNOWN).body).toBe(input);
    expect(stripUnsupportedOpenAI(input, EMBEDDING).body).toBe(input);
  });

  it('replaces media with placeholders for a text-only model, without touching the input', () => {
    const { input, snapshot } = frozen(bodyWithEverything());
    const { body, notes } = stripUnsupportedOpenAI(input, TEXT_ONLY);

    expect(input).toEqual(snapshot);
    // Only plain text is left, so the content becomes a string.
    expect(body.messages[1]).toEqual({
      role: 'user',
      content: ['What is in these?', IMAGE_PLACEHOLDER, filePlaceholder('report.pdf'), AUDIO_PLACEHOLDER, VIDEO_PLACEHOLDER].join(
        '\n',
      ),
    });
    // A text part with cache_control is kept as is; the array stays an array.
    expect(body.messages[3]).toEqual({
      role: 'tool',
      tool_call_id: 'c1',
      content: [
        { type: 'text', text: 'Screenshot:', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: IMAGE_PLACEHOLDER },
      ],
    });
    expect(body.messages[0]).toBe(input.messages[0]);
    expect(body.messages[2]).toBe(input.messages[2]);
    expect(body.messages[4]).toBe(input.messages[4]);

    expect(body.tools).toBe(input.tools);
    expect(body.tool_choice).toBe('auto');
    expect(body.temperature).toBe(0.2);
    for (const k of ['reasoning_effort', 'thinking', 'enable_thinking']) expect(k in body, k).toBe(false);

    expect(notes).toEqual([
      'replaced 2 images with a placeholder: the model cannot read images',
      'replaced 1 video with a placeholder: the model cannot read images or video',
      'replaced 1 file with a placeholder: the model cannot read files',
      'replaced 1 audio clip with a placeholder: the model cannot hear audio',
      'removed reasoning settings: the model does not reason',
    ]);
  });

  it('keeps what the model can take', () => {
    const { input } = frozen(bodyWithEverything());
    const { body } = stripUnsupportedOpenAI(input, VISION);
    const content = body.messages[1]?.content;
    expect(Array.isArray(content)).toBe(true);
    if (!Array.isArray(content)) return;
    expect(content.map((p) => p.type)).toEqual(['text', 'image_url', 'file', 'text', 'video_url']);
    expect(content[3]).toEqual({ type: 'text', text: AUDIO_PLACEHOLDER });
    expect(content[1]).toBe((input.messages[1]?.content as unknown[])[1]);
    expect(body.messages[3]).toBe(input.messages[3]);
  });

  it('keeps reasoning settings for a reasoning model', () => {
    const { input } = frozen(bodyWithEverything());
    const { body } = stripUnsupportedOpenAI(input, REASONER);
    expect(body.reasoning_effort).toBe('high');
    expect(body.thinking).toEqual({ type: 'enabled' });
  });

  it('removes tool fields, legacy functions included, for a model without tools', () => {
    const { input, snapshot } = frozen<ChatCompletionRequest>({
      ...bodyWithEverything(),
      functions: [{ name: 'old', parameters: {} }],
      function_call: 'auto',
    });
    const { body, notes } = stripUnsupportedOpenAI(input, NO_TOOLS);
    expect(input).toEqual(snapshot);
    for (const k of ['tools', 'tool_choice', 'parallel_tool_calls', 'functions', 'function_call']) {
      expect(k in body, k).toBe(false);
    }
    expect(notes).toContain('removed tool definitions and tool choice: the model does not support tool calls');
    // The conversation history keeps its tool call and result.
    expect(body.messages[2]).toBe(input.messages[2]);
  });

  it('leaves unknown part types alone', () => {
    const { input } = frozen<ChatCompletionRequest>({
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'refusal', refusal: 'no' }] }],
    });
    expect(stripUnsupportedOpenAI(input, TEXT_ONLY).body).toBe(input);
  });
});

describe('what was stripped is recorded for the client', () => {
  it('names replaced parts and removed settings, and records nothing when nothing changes', () => {
    const dropped = new DroppedFeatures();
    stripUnsupportedIr(irWithEverything(), capabilitiesOf('phi4'), dropped);
    expect(dropped.list()).toEqual(expect.arrayContaining(['content.image', 'tools']));

    const openai = new DroppedFeatures();
    const body = {
      model: 'deepseek-chat',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/i.png' } }] }],
      reasoning_effort: 'high',
    } as ChatCompletionRequest;
    stripUnsupportedOpenAI(body, TEXT_ONLY, openai);
    expect(openai.list()).toEqual(['content.image', 'setting.reasoning']);

    const none = new DroppedFeatures();
    stripUnsupportedIr(irWithEverything(), UNKNOWN, none);
    expect(none.size).toBe(0);
  });
});
