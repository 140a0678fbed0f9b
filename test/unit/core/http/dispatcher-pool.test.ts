import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DispatcherPool, networkOptionsFromEnv } from '../../../../src/core/http/dispatcher-pool';
import { insecureUrlReason, isLoopbackHost } from '../../../../src/core/http/loopback';

describe('proxy routing', () => {
  test('NO_PROXY entries, suffixes, ports and loopback bypass the proxy', () => {
    const pool = new DispatcherPool({ proxy: 'http://proxy.corp:3128', noProxy: 'internal.corp, .example.com,api.carrierx.com:8443' });
    const bypass = (u: string) => pool.bypassesProxy(new URL(u));
    assert.equal(bypass('https://trunking.twilio.com/v1/Trunks'), false);
    assert.equal(bypass('https://internal.corp/x'), true);
    assert.equal(bypass('https://a.internal.corp/x'), true);
    assert.equal(bypass('https://www.example.com/x'), true);
    assert.equal(bypass('https://api.carrierx.com/core/v2'), false);
    assert.equal(bypass('https://api.carrierx.com:8443/core/v2'), true);
    assert.equal(bypass('http://127.0.0.1:4010/v1/Trunks'), true);
    assert.equal(bypass('http://[::1]:4010/'), true);
  });

  test('reads HTTPS_PROXY and NO_PROXY like the providers own tools', () => {
    assert.deepEqual(networkOptionsFromEnv({ HTTPS_PROXY: 'http://p:1', NO_PROXY: 'a' }), { proxy: 'http://p:1', noProxy: 'a' });
    assert.deepEqual(networkOptionsFromEnv({ http_proxy: 'http://q:2' }), { proxy: 'http://q:2', noProxy: undefined });
  });
});

describe('plain http', () => {
  test('is allowed only to loopback', () => {
    assert.equal(isLoopbackHost('127.0.0.1'), true);
    assert.equal(isLoopbackHost('127.5.0.1'), true);
    assert.equal(isLoopbackHost('localhost'), true);
    assert.equal(isLoopbackHost('::1'), true);
    assert.equal(isLoopbackHost('10.0.0.1'), false);
    assert.equal(isLoopbackHost('127.0.0.1.nip.io'), false);
    assert.equal(insecureUrlReason(new URL('http://127.0.0.1:4010/x')), undefined);
    assert.equal(insecureUrlReason(new URL('https://api.twilio.com/x')), undefined);
    assert.match(insecureUrlReason(new URL('http://api.twilio.com/x')) ?? '', /plain http/i);
    assert.match(insecureUrlReason(new URL('ftp://api.twilio.com/x')) ?? '', /scheme/);
  });
});
