import { describe, expect, it } from 'vitest';
import { providerName, providerOf } from './provider';

const of = (model: string, avatar = '') => providerOf({ model, avatar });

describe('providerOf', () => {
  it('takes the provider an avatar names', () => {
    expect(of('my-house-model', 'openai')).toBe('openai');
    expect(of('my-house-model', 'Claude')).toBe('anthropic');
    expect(of('my-house-model', 'gemini')).toBe('google');
  });

  it('reads the model id when the avatar is a picture or empty', () => {
    expect(of('gpt-4o', 'https://example.com/a.png')).toBe('openai');
    expect(of('o1-mini')).toBe('openai');
    expect(of('o3')).toBe('openai');
    expect(of('claude-sonnet-4-5@20250929')).toBe('anthropic');
    expect(of('gemini-2.5-pro')).toBe('google');
    expect(of('deepseek-chat')).toBe('deepseek');
    expect(of('qwen3:8b')).toBe('qwen');
    expect(of('glm-4-plus')).toBe('zhipu');
    expect(of('moonshot-v1-8k')).toBe('moonshot');
    expect(of('kimi-k2')).toBe('moonshot');
    expect(of('doubao-seed-1-6')).toBe('doubao');
    expect(of('ERNIE-4.0-8K')).toBe('baidu');
    expect(of('hunyuan-turbo')).toBe('tencent');
    expect(of('spark-max')).toBe('iflytek');
    expect(of('mistral-large-latest')).toBe('mistral');
    expect(of('llama-3.3-70b')).toBe('meta');
  });

  it('reads routed ids by their last segment, else their owner', () => {
    expect(of('openai/gpt-4o')).toBe('openai');
    expect(of('meta-llama/Llama-3.3-70B-Instruct')).toBe('meta');
    expect(of('deepseek-ai/some-distill')).toBe('deepseek');
  });

  it('calls anything else "other", never guessing from a substring', () => {
    expect(of('my-house-model')).toBe('other');
    expect(of('blogpt')).toBe('other');
    expect(of('house', 'not-a-provider')).toBe('other');
    expect(providerName('other')).toBeUndefined();
    expect(providerName('anthropic')).toBe('Anthropic');
  });
});
