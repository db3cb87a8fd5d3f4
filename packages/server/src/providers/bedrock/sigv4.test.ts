import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalRequest, canonicalUri, sha256Hex, signingKey, signV4, toAmzDate, type SignInput } from './sigv4.js';

// AWS's published SigV4 examples: the test suite (service "service", example.amazonaws.com)
// and the IAM ListUsers walk-through, all at 2015-08-30T12:36:00Z with the example keys.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const date = new Date('2015-08-30T12:36:00Z');
const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function suite(overrides: Partial<SignInput>): string {
  return signV4({
    method: 'GET',
    host: 'example.amazonaws.com',
    path: '/',
    headers: {},
    body: '',
    region: 'us-east-1',
    service: 'service',
    credentials,
    date,
    contentSha256: false,
    ...overrides,
  }).authorization!;
}

const authz = (signedHeaders: string, signature: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${signedHeaders}, Signature=${signature}`;

describe('signV4 against the AWS test suite', () => {
  it('get-vanilla', () => {
    expect(suite({})).toBe(authz('host;x-amz-date', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'));
  });

  it('post-vanilla', () => {
    expect(suite({ method: 'POST' })).toBe(authz('host;x-amz-date', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b'));
  });

  it('post-vanilla-query', () => {
    expect(suite({ method: 'POST', path: '/?Param1=value1' })).toBe(
      authz('host;x-amz-date', '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11'),
    );
  });

  it('post-x-www-form-urlencoded (a signed body)', () => {
    expect(
      suite({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Param1=value1' }),
    ).toBe(authz('content-type;host;x-amz-date', 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a'));
  });

  it('get-utf8 (path encoding)', () => {
    expect(suite({ path: '/ሴ' })).toBe(authz('host;x-amz-date', '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85'));
  });

  it('post-header-key-sort', () => {
    expect(suite({ method: 'POST', headers: { 'My-Header1': 'value1' } })).toBe(
      authz('host;my-header1;x-amz-date', 'c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c'),
    );
  });

  it('get-header-value-trim (trim and collapse spaces)', () => {
    expect(suite({ headers: { 'My-Header1': ' value1', 'My-Header2': ' "a   b   c"' } })).toBe(
      authz('host;my-header1;my-header2;x-amz-date', 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736'),
    );
  });

  it('post-sts-header-before (session token signed)', () => {
    const sessionToken =
      'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';
    const headers = signV4({
      method: 'POST',
      host: 'example.amazonaws.com',
      path: '/',
      headers: {},
      body: '',
      region: 'us-east-1',
      service: 'service',
      credentials: { ...credentials, sessionToken },
      date,
      contentSha256: false,
    });
    expect(headers['x-amz-security-token']).toBe(sessionToken);
    expect(headers.authorization).toBe(
      authz('host;x-amz-date;x-amz-security-token', '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead'),
    );
  });
});

describe('signV4: the IAM ListUsers example of the documentation', () => {
  const input: SignInput = {
    method: 'GET',
    host: 'iam.amazonaws.com',
    path: '/?Action=ListUsers&Version=2010-05-08',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: '',
    region: 'us-east-1',
    service: 'iam',
    credentials,
    date,
    contentSha256: false,
  };

  it('hashes the documented canonical request', () => {
    const request = canonicalRequest({
      method: 'GET',
      path: input.path,
      headers: { ...input.headers, host: input.host, 'x-amz-date': '20150830T123600Z' },
      payloadHash: EMPTY_HASH,
    });
    expect(request.text).toBe(
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n',
        'content-type;host;x-amz-date',
        EMPTY_HASH,
      ].join('\n'),
    );
    expect(sha256Hex(request.text)).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
  });

  it('derives the documented signing key and signature', () => {
    expect(signingKey(credentials.secretAccessKey, '20150830', 'us-east-1', 'iam').toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    );
    expect(signV4(input).authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
  });
});

describe('sigv4 helpers', () => {
  it('formats the x-amz-date', () => {
    expect(toAmzDate(date)).toBe('20150830T123600Z');
  });

  it('encodes path segments once more, so a sent %3A signs as %253A', () => {
    expect(canonicalUri('/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke')).toBe(
      '/model/anthropic.claude-3-5-sonnet-20241022-v2%253A0/invoke',
    );
    expect(canonicalUri('/model/a:b/invoke')).toBe('/model/a%3Ab/invoke');
    expect(canonicalUri('')).toBe('/');
    expect(canonicalUri('/a/./b/../c//d/')).toBe('/a/c/d/');
  });

  it('sorts and strictly encodes the query', () => {
    expect(canonicalQuery('b=2&a=x y&a=1&c')).toBe('a=1&a=x%20y&b=2&c=');
    expect(canonicalQuery("k=a!'()*")).toBe('k=a%21%27%28%29%2A');
  });

  it('adds and signs x-amz-content-sha256 by default', () => {
    const headers = signV4({
      method: 'POST',
      host: 'example.amazonaws.com',
      path: '/',
      headers: {},
      body: '{}',
      region: 'us-east-1',
      service: 'bedrock',
      credentials,
      date,
    });
    expect(headers['x-amz-content-sha256']).toBe(sha256Hex('{}'));
    expect(headers.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date,');
    expect(headers['x-amz-security-token']).toBeUndefined();
  });
});
