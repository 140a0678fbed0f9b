import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isEndpointHost, isSipPort } from '../../../../src/core/providers/carrierx/endpoint-address-rules';

describe('CarrierX endpoint address rules', () => {
  test('a host is an IPv4 or IPv6 address or a host name, as CarrierX takes them', () => {
    for (const ok of ['203.0.113.10', '0.0.0.0', 'sbc.example.com', 'pbx', 'a-b.example-1.net', '2001:db8::10', '::1', 'fe80::1:2:3:4', '::ffff:192.0.2.1', '2001:db8:0:0:0:0:0:1']) {
      assert.equal(isEndpointHost(ok), true, ok);
    }
    for (const bad of ['', '300.1.2.3', '1.2.3', '1.2.3.4.5', 'sip:pbx.example.com', 'pbx.example.com:5060', 'pbx..example.com', '-pbx.example.com', 'pbx_1.example.com', '2001:db8:::1', '2001:db8::g', '1:2:3:4:5:6:7:8:9', 'host name']) {
      assert.equal(isEndpointHost(bad), false, bad);
    }
  });

  test('a SIP port is a whole number from 1 to 65535', () => {
    for (const ok of ['1', '5060', '65535']) assert.equal(isSipPort(ok), true, ok);
    for (const bad of ['0', '65536', '-1', '50.6', '', 'sip', '123456']) assert.equal(isSipPort(bad), false, bad);
  });
});
