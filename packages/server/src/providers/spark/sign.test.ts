import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizationOrigin, signatureOrigin, sparkAuthorization, sparkAuthQuery, sparkDate, sparkSignature } from './sign.js';

// The worked example of iFlytek's "WebSocket协议通用鉴权URL生成说明": host spark-api.xf-yun.com,
// path /v1.1/chat, date "Fri, 05 May 2023 10:43:39 GMT", APISecret MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi.
// Every expected value below is printed there. (The document's code names one APIKey but
// prints the authorization of another, addd2272…; the printed values are the ones used.)
const example = {
  apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
  apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi',
  host: 'spark-api.xf-yun.com',
  path: '/v1.1/chat',
  date: 'Fri, 05 May 2023 10:43:39 GMT',
};
const SIGNATURE = 'z5gHdu3pxVV4ADMyk467wOWDQ9q6BQzR3nfMTjc/DaQ=';
const AUTHORIZATION =
  'YXBpX2tleT0iYWRkZDIyNzJiNmQ4YjdjOGFiZGQ3OTUzMTQyMGNhM2IiLCBhbGdvcml0aG09ImhtYWMtc2hhMjU2IiwgaGVhZGVycz0iaG9zdCBkYXRlIHJlcXVlc3QtbGluZSIsIHNpZ25hdHVyZT0iejVnSGR1M3B4VlY0QURNeWs0Njd3T1dEUTlxNkJRelIzbmZNVGpjL0RhUT0i';

describe('Spark URL signing (iFlytek documented example)', () => {
  it('formats the date as RFC 1123 in GMT', () => {
    expect(sparkDate(Date.UTC(2023, 4, 5, 10, 43, 39))).toBe(example.date);
  });

  it('builds the signature origin', () => {
    expect(signatureOrigin(example.host, example.date, example.path)).toBe('host: spark-api.xf-yun.com\ndate: Fri, 05 May 2023 10:43:39 GMT\nGET /v1.1/chat HTTP/1.1');
  });

  it('signs it with HMAC-SHA256 (the documented digest bytes, then base64)', () => {
    const digest = createHmac('sha256', example.apiSecret).update(signatureOrigin(example.host, example.date, example.path)).digest('hex');
    expect(digest).toBe('cf980776ede9c55578003332938ebbc0e58343daba050cd1de77cc4e373f0da4');
    expect(sparkSignature(example.apiSecret, signatureOrigin(example.host, example.date, example.path))).toBe(SIGNATURE);
  });

  it('builds the authorization origin and its base64', () => {
    expect(authorizationOrigin(example.apiKey, SIGNATURE)).toBe(
      `api_key="addd2272b6d8b7c8abdd79531420ca3b", algorithm="hmac-sha256", headers="host date request-line", signature="${SIGNATURE}"`,
    );
    expect(sparkAuthorization(example)).toBe(AUTHORIZATION);
  });

  it('produces the documented final URL query', () => {
    expect(`wss://spark-api.xf-yun.com/v1.1/chat?${sparkAuthQuery(example)}`).toBe(
      `wss://spark-api.xf-yun.com/v1.1/chat?authorization=${AUTHORIZATION}&date=Fri%2C+05+May+2023+10%3A43%3A39+GMT&host=spark-api.xf-yun.com`,
    );
  });

  it('changes the signature when anything signed changes', () => {
    const base = sparkAuthorization(example);
    expect(sparkAuthorization({ ...example, path: '/v3.5/chat' })).not.toBe(base);
    expect(sparkAuthorization({ ...example, host: 'proxy.example:8443' })).not.toBe(base);
    expect(sparkAuthorization({ ...example, date: 'Fri, 05 May 2023 10:43:40 GMT' })).not.toBe(base);
    expect(sparkAuthorization({ ...example, apiSecret: 'other' })).not.toBe(base);
  });
});
