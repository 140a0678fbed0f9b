import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTrunkFile } from '../../../../src/core/documents/file/parse-trunk-file';
import { applyTextEdits } from '../../../../src/core/documents/edit/text-edit';

const HEADER = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme-prod\n';

/** Applies the fix titled `title` of the only diagnostic carrying it. */
function applyFix(text: string, title: string, knownAccounts?: string[]): string {
  const fixes = parseTrunkFile(text, { knownAccounts }).diagnostics.flatMap((d) => d.fixes ?? []).filter((f) => f.title === title);
  assert.equal(fixes.length, 1, `one fix titled ${title}`);
  return applyTextEdits(text, fixes[0]!.edits);
}

function assertValid(text: string, knownAccounts?: string[]): void {
  assert.deepEqual(parseTrunkFile(text, { knownAccounts }).diagnostics, [], text);
}

describe('quick fixes', () => {
  test('enum casing: SIP-ONLY becomes sip-only, keeping the quotes', () => {
    const text = `${HEADER}spec:\n  transfer_mode: "SIP-ONLY"\n`;
    const fixed = applyFix(text, 'Change to sip-only');
    assert.equal(fixed, `${HEADER}spec:\n  transfer_mode: "sip-only"\n`);
    assertValid(fixed);
  });

  test('did-you-mean replaces the key and keeps its value and comment', () => {
    const text = `${HEADER}spec:\n  secrue: true # TLS\n`;
    const fixed = applyFix(text, 'Change to secure');
    assert.equal(fixed, `${HEADER}spec:\n  secure: true # TLS\n`);
    assertValid(fixed);
  });

  test('an unknown key is removed with its whole block', () => {
    const text = `${HEADER}spec:\n  friendly_name: x\n  extra:\n    nested: 1\n    more: [1, 2]\n  secure: true\n`;
    const fixed = applyFix(text, 'Remove extra');
    assert.equal(fixed, `${HEADER}spec:\n  friendly_name: x\n  secure: true\n`);
    assertValid(fixed);
  });

  test('an unknown key in a flow mapping is removed with its comma', () => {
    const text = `${HEADER}spec:\n  recording: { mode: do-not-record, colour: red, trim: do-not-trim }\n`;
    const fixed = applyFix(text, 'Remove colour');
    assert.equal(fixed, `${HEADER}spec:\n  recording: { mode: do-not-record, trim: do-not-trim }\n`);
    assertValid(fixed);
  });

  test('a read-only field is removed', () => {
    const text = `${HEADER}spec:\n  url: https://trunking.twilio.com/v1/Trunks/x\n  secure: true\n`;
    const fixed = applyFix(text, 'Remove url');
    assertValid(fixed);
  });

  test('an unquoted phone number is quoted; a formatted one is normalised', () => {
    const text = `${HEADER}spec:\n  phone_numbers:\n    - +14155550100\n    - '+1 415 555 0101'\n`;
    const quoted = applyFix(text, 'Quote as "+14155550100"');
    const normalised = applyFix(quoted, 'Change to +14155550101');
    assert.equal(normalised, `${HEADER}spec:\n  phone_numbers:\n    - "+14155550100"\n    - '+14155550101'\n`);
    assertValid(normalised);
  });

  test('a duplicate number is removed', () => {
    const text = `${HEADER}spec:\n  phone_numbers: ["+14155550100", "+14155550101", "+14155550100"]\n`;
    const fixed = applyFix(text, 'Remove this duplicate');
    assert.equal(fixed, `${HEADER}spec:\n  phone_numbers: ["+14155550100", "+14155550101"]\n`);
    assertValid(fixed);
  });

  test('a string where a boolean or integer goes', () => {
    const text = `${HEADER}spec:\n  secure: "True"\n  origination_urls:\n    - { friendly_name: a, sip_url: "sip:a.example.com", priority: "10", weight: 1, enabled: true }\n`;
    const fixed = applyFix(applyFix(text, 'Change to true'), 'Change to 10');
    assertValid(fixed);
  });

  test('apiVersion, kind and account', () => {
    const text = 'apiVersion: trunkline/v2\nkind: twiliotrunk\naccount: acme-prd\nspec: {}\n';
    let fixed = applyFix(text, 'Change to trunkline/v1', ['acme-prod']);
    fixed = applyFix(fixed, 'Change to TwilioTrunk', ['acme-prod']);
    fixed = applyFix(fixed, 'Change to acme-prod', ['acme-prod']);
    assert.equal(fixed, 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme-prod\nspec: {}\n');
    assertValid(fixed, ['acme-prod']);
  });

  test('a fix touches only its own document', () => {
    const other = `${HEADER}spec:\n  secure: true\n`;
    const text = `${other}---\n${HEADER}spec:\n  transfer_mode: Sip-Only\n`;
    const fixed = applyFix(text, 'Change to sip-only');
    assert.ok(fixed.startsWith(`${other}---\n`));
    assertValid(fixed);
  });
});
