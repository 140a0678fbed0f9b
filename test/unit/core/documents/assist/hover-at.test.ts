import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../../../../src/core/documents/assist/hover-at';

const TEXT = `apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme-prod
spec:
  transfer_mode: sip-only
  origination_urls:
    - { friendly_name: a, sip_url: "sip:a.example.com", priority: 10, weight: 10, enabled: true }
  phone_numbers: ["+14155550100"]
  unknown_key: 1
---
apiVersion: trunkline/v1
kind: CarrierXTrunkGroup
account: cx
spec:
  trunks:
    - { name: a, in_capacity: 5, in_rfc_4694_mode: cut_all }
`;

function hover(needle: string, occurrence = 0) {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = TEXT.indexOf(needle, offset + 1);
  return hoverAt(TEXT, offset + 1);
}

describe('hoverAt', () => {
  test('a key shows its documentation, allowed values and default', () => {
    const h = hover('transfer_mode');
    const start = TEXT.indexOf('transfer_mode');
    assert.deepEqual(h?.range, { start, end: start + 'transfer_mode'.length });
    assert.match(h!.markdown, /^\*\*transfer_mode\*\* · string/);
    assert.match(h!.markdown, /Allowed: `disable-all` · `enable-all` · `sip-only`/);
    assert.match(h!.markdown, /Default: `disable-all`/);
  });

  test('a value shows its field', () => {
    const h = hover('sip-only');
    assert.equal(TEXT.slice(h!.range.start, h!.range.end), 'sip-only');
    assert.match(h!.markdown, /\*\*transfer_mode\*\*/);
  });

  test('limits inside a flow mapping in a list', () => {
    assert.match(hover('weight')!.markdown, /Range: 1 – 65535/);
    assert.match(hover('friendly_name')!.markdown, /At most 64 characters/);
  });

  test('list items, capacities and read-only fields', () => {
    assert.match(hover('+14155550100')!.markdown, /\*\*phone_numbers\[0\]\*\*[\s\S]*E\.164/);
    assert.match(hover('in_capacity')!.markdown, /-1 disables, 0 is unlimited/);
    assert.match(hover('in_rfc_4694_mode')!.markdown, /read-only[\s\S]*never sent/);
  });

  test('nothing for unknown keys, comments or blank space', () => {
    assert.equal(hover('unknown_key'), undefined);
    assert.equal(hoverAt(TEXT, TEXT.indexOf('---') + 1), undefined);
    assert.equal(hoverAt('not: [valid', 3), undefined);
  });
});
