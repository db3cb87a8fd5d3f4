// The mock's SigV4 routine against AWS's published example (the IAM ListUsers request
// from "Create a signed AWS API request"), so verification failures in gateway tests
// can be trusted to be the gateway's.
import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalRequest, canonicalUri, sha256Hex, signature, signingKey, stringToSign } from './sigv4.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const scope = { date: '20150830', region: 'us-east-1', service: 'iam' };

describe('SigV4 routine', () => {
  it('reproduces AWS documentation example', () => {
    const canonical = canonicalRequest({
      method: 'GET',
      path: '/',
      query: 'Version=2010-05-08&Action=ListUsers',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', host: 'iam.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
      signedHeaders: ['content-type', 'host', 'x-amz-date'],
      payloadHash: sha256Hex(''),
    });
    expect(sha256Hex(canonical)).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(signingKey(SECRET, scope).toString('hex')).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
    const toSign = stringToSign('20150830T123600Z', scope, canonical);
    expect(signature(SECRET, scope, toSign)).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
  });

  it('encodes each path segment once more, as every service but S3 requires', () => {
    expect(canonicalUri('/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke')).toBe(
      '/model/anthropic.claude-3-5-sonnet-20241022-v2%253A0/invoke',
    );
    expect(canonicalUri('/a/./b/../c//d/')).toBe('/a/c/d/');
    expect(canonicalUri('')).toBe('/');
  });

  it('sorts and strictly re-encodes the query', () => {
    expect(canonicalQuery('b=2&a=x%20y&a=1&c')).toBe('a=1&a=x%20y&b=2&c=');
    expect(canonicalQuery("q=it's*")).toBe('q=it%27s%2A');
  });
});
