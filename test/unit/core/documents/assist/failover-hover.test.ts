import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failoverHover } from '../../../../../src/core/documents/assist/failover-hover';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { readinessDocumentation, ruleOfCode } from '../../../../../src/core/readiness/readiness-documentation';

const TEXT = `apiVersion: trunkline/v1
kind: TwilioTrunk
account: sandbox
spec:
  friendly_name: T
  origination_urls:
    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 20, enabled: true }
    - { friendly_name: pbx-b, sip_url: "sip:pbx-b.example.com", priority: 10, weight: 10, enabled: true }
    - { friendly_name: old_pbx, sip_url: "sip:old.example.com", priority: 10, weight: 10, enabled: false }
    - { friendly_name: dr-site, sip_url: "sip:dr.example.com", priority: 20, weight: 10, enabled: true }
  phone_numbers: []
`;

describe('failover hover', () => {
  const doc = parseTrunkFile(TEXT).documents[0]!;
  it('on origination_urls and inside the list: the order Twilio applies, disabled ones struck out, names escaped', () => {
    for (const offset of [TEXT.indexOf('origination_urls') + 3, TEXT.indexOf('pbx-b')]) {
      const hover = failoverHover(doc, offset);
      assert.ok(hover, `a hover at ${offset}`);
      assert.match(hover.markdown, /^\*\*Failover order\*\*/);
      assert.ok(hover.markdown.endsWith('1st: pbx\\-a 67%, pbx\\-b 33%, ~~old\\_pbx~~ · then: dr\\-site 100%'), hover.markdown);
      assert.equal(TEXT.slice(...hover.range), 'origination_urls');
    }
  });

  it('nowhere else', () => {
    assert.equal(failoverHover(doc, TEXT.indexOf('friendly_name: T')), undefined);
    assert.equal(failoverHover(doc, TEXT.indexOf('phone_numbers')), undefined);
  });

  it('a readiness warning\'s hover names the rule, its consequence and the provider\'s words', () => {
    const rule = ruleOfCode('readiness-twilio-trunk-no-termination-lists')!;
    const markdown = readinessDocumentation(rule);
    assert.match(markdown, /^\*\*Call readiness: No IP access control list and no credential list\*\*/);
    assert.match(markdown, /Source: twilio_trunking_v1\.json \(schema trunking\.v1\.trunk, auth_type\)\n\n> If empty, the domain will not receive any traffic\./);
    assert.equal(ruleOfCode('unknown-key'), undefined);
  });
});

describe('failover hover on a connection policy\'s targets', () => {
  const POLICY = `apiVersion: trunkline/v1
kind: TwilioConnectionPolicy
account: sandbox
spec:
  friendly_name: Carrier routes
  targets:
    - { friendly_name: pbx-a, target: "sip:pbx-a.example.com", priority: 10, weight: 20, enabled: true }
    - { friendly_name: pbx-b, target: "sip:pbx-b.example.com" }
    - { friendly_name: old-pbx, target: "sip:old.example.com", enabled: false }
    - { target: "sip:dr.example.com", priority: 20, weight: 10 }
`;
  const doc = parseTrunkFile(POLICY).documents[0]!;
  it('shows the order Twilio tries the targets in: left-out priority and weight are its defaults (10), disabled ones struck out, a target without name by its URI', () => {
    const hover = failoverHover(doc, POLICY.indexOf('targets:') + 2);
    assert.ok(hover);
    assert.equal(POLICY.slice(...hover.range), 'targets');
    assert.ok(hover.markdown.endsWith('1st: pbx\\-a 67%, pbx\\-b 33%, ~~old\\-pbx~~ · then: sip:dr\\.example\\.com 100%'), hover.markdown);
    assert.ok(failoverHover(doc, POLICY.indexOf('pbx-b')), 'inside the list too');
    assert.equal(failoverHover(doc, POLICY.indexOf('Carrier routes')), undefined);
  });
});
