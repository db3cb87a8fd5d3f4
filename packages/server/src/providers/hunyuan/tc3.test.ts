import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, credentialScope, derivedKey, sha256Hex, stringToSign, tc3Authorization, tc3Date, type Tc3Request } from './tc3.js';

// The worked example of Tencent Cloud's API 3.0 "Signature v3" document: CVM
// DescribeInstances in ap-guangzhou, SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE,
// SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE, timestamp 1551113065. Every expected value
// below is printed in that document.
const creds = { secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' };
const timestamp = 1551113065;
// The payload is signed byte for byte: the \uXXXX escapes are literal backslash sequences.
const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const request: Tc3Request = {
  method: 'POST',
  uri: '/',
  query: '',
  contentType: 'application/json; charset=utf-8',
  host: 'cvm.tencentcloudapi.com',
  payload,
};

describe('TC3-HMAC-SHA256 (Tencent documented example)', () => {
  it('hashes the payload', () => {
    expect(sha256Hex(payload)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
  });

  it('builds the canonical request', () => {
    expect(canonicalRequest(request)).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
  });

  it('dates the scope in UTC, not local time', () => {
    // 1551113065 is 2019-02-26 00:44:25 in UTC+8; the document stresses the UTC date.
    expect(tc3Date(timestamp)).toBe('2019-02-25');
    expect(credentialScope(tc3Date(timestamp), 'cvm')).toBe('2019-02-25/cvm/tc3_request');
  });

  it('builds the string to sign', () => {
    expect(stringToSign(timestamp, '2019-02-25/cvm/tc3_request', canonicalRequest(request))).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
  });

  it('derives the signing key by the documented HMAC chain', () => {
    const step = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg).digest();
    const expected = step(step(step('TC3Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', '2019-02-25'), 'cvm'), 'tc3_request');
    expect(derivedKey(creds.secretKey, '2019-02-25', 'cvm').equals(expected)).toBe(true);
  });

  it('produces the documented Authorization header', () => {
    expect(tc3Authorization(creds, 'cvm', timestamp, request)).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('changes the signature when anything signed changes', () => {
    const base = tc3Authorization(creds, 'hunyuan', timestamp, request);
    expect(tc3Authorization(creds, 'hunyuan', timestamp, { ...request, payload: `${payload} ` })).not.toBe(base);
    expect(tc3Authorization(creds, 'hunyuan', timestamp, { ...request, host: 'other.tencentcloudapi.com' })).not.toBe(base);
    expect(tc3Authorization(creds, 'hunyuan', timestamp + 86_400, request)).not.toBe(base);
  });
});
