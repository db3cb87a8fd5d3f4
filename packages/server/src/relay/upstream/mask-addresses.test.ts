import { describe, expect, it } from 'vitest';
import { maskAddresses } from './mask-addresses.js';

describe('maskAddresses', () => {
  it.each([
    [
      'Incorrect API key provided: sk-w****1234. You can find your API key at https://platform.openai.com/account/api-keys.',
      'Incorrect API key provided: sk-w****1234. You can find your API key at [upstream].',
    ],
    ['upstream https://some-upstream.example/v1 said no', 'upstream [upstream] said no'],
    ['connect to 10.2.3.4:8443 failed', 'connect to [upstream] failed'],
    ['connect ECONNREFUSED 10.0.0.5', 'connect ECONNREFUSED [upstream]'],
    ['blocked by api.deepseek.com', 'blocked by [upstream]'],
    ['try api.deepseek.com/v1/chat/completions later', 'try [upstream] later'],
    ['Post "https://relay.example.cn:8443/v1/chat/completions": EOF', 'Post "[upstream]": EOF'],
    ['dial tcp ollama:11434: connect: connection refused', 'dial tcp [upstream]: connect: connection refused'],
    ['dial tcp [2001:db8::1]:443: i/o timeout', 'dial tcp [upstream]: i/o timeout'],
    ['peer fe80::1%eth0 reset', 'peer [upstream] reset'],
    ['listening on ::1 only', 'listening on [upstream] only'],
    ['address 2001:0db8:85a3:0000:0000:8a2e:0370:7334 unreachable', 'address [upstream] unreachable'],
    ['mapped ::ffff:192.168.1.20 refused', 'mapped [upstream] refused'],
    ['proxy at localhost:8080 is down', 'proxy at [upstream] is down'],
    ['redis://:hunter2@cache.internal:6379/0 unavailable', '[upstream] unavailable'],
    ['wss://spark-api.xf-yun.com/v3.5/chat closed', '[upstream] closed'],
    ['resolve metadata.google.internal failed', 'resolve [upstream] failed'],
    ['svc litellm.ai-gateway.svc.cluster.local:4000 timed out', 'svc [upstream] timed out'],
    ['k8s my-relay.prod:8080 refused', 'k8s [upstream] refused'],
    ['mail support@deepseek.com for help', 'mail support@[upstream] for help'],
    ['see (https://docs.example.com/errors#quota), then retry', 'see ([upstream]), then retry'],
    ['API.OpenAI.COM rejected the key', '[upstream] rejected the key'],
  ])('masks %j', (text, masked) => {
    expect(maskAddresses(text)).toBe(masked);
  });

  it.each([
    'The model `gpt-4.1` does not exist',
    'claude-3.5-sonnet and gemini-1.5-pro and gpt-4o-2024-08-06 are busy',
    'Invalid value for messages.0.content: expected a string',
    'response.output_text.delta is not supported; usage.total_tokens missing',
    'image.png is larger than 20.5 MB; main.py, README.md and archive.zip were ignored',
    'temperature 1.5 is above the maximum of 1.0, top_p 0.95',
    'version 2.3.1 of the SDK; build 10.4.2',
    'retry at 12:30:45 UTC; ratio 16:9',
    'status:503 code:400 line:12',
    'The provided model identifier is invalid: anthropic.claude-3-haiku-20240307-v1:0',
    'model amazon.titan-embed-text-v2:0 and meta.llama3-8b-instruct-v1:0',
    'std::vector and Foo::Bar',
    'use client.chat.completions.create(), e.g. with node.js or i.e. config.json',
    'channel://7/chat/completions failed',
    'mac aa:bb:cc:dd:ee:ff',
    'v1.2.3.4 is not an address',
  ])('leaves %j alone', (text) => {
    expect(maskAddresses(text)).toBe(text);
  });
});
