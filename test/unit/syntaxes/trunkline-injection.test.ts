import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import injection from '../../../syntaxes/trunkline.injection.tmLanguage.json';
import configuration from '../../../syntaxes/trunk-yaml.language-configuration.json';
import trunkYaml from '../../../syntaxes/trunk-yaml.tmLanguage.json';

// The grammar's regular expressions run in Oniguruma inside VS Code; the constructs used here
// (look-behind, classes, alternation) mean the same in JavaScript, which is what is run here.

function matches(rule: 'twilio-sid' | 'e164-number' | 'sip-uri', line: string): string[] {
  const pattern = injection.repository[rule].match;
  return [...line.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
}

describe('trunkline injection grammar', () => {
  test('is injected into YAML and Trunk YAML, never into comments', () => {
    assert.equal(injection.scopeName, 'trunkline.injection');
    assert.match(injection.injectionSelector, /L:source\.yaml -comment/);
    assert.match(injection.injectionSelector, /L:source\.trunk-yaml -comment/);
    assert.deepEqual(trunkYaml.patterns, [{ include: 'source.yaml' }]);
    assert.equal(trunkYaml.scopeName, 'source.trunk-yaml');
  });

  test('Twilio SIDs of the known prefixes, whole', () => {
    const sid = `TK${'0123456789abcdef'.repeat(2)}`;
    assert.deepEqual(matches('twilio-sid', `sid: ${sid}`), [sid]);
    assert.deepEqual(matches('twilio-sid', `x: "NY${'A'.repeat(32)}"`), [`NY${'A'.repeat(32)}`]);
    assert.deepEqual(matches('twilio-sid', `x: ZZ${'a'.repeat(32)}`), []);
    assert.deepEqual(matches('twilio-sid', `x: TK${'a'.repeat(33)}`), [], 'not part of a longer token');
  });

  test('E.164 numbers, quoted or not', () => {
    assert.deepEqual(matches('e164-number', 'phone_numbers: ["+14155550100", +442071838750]'), ['+14155550100', '+442071838750']);
    assert.deepEqual(matches('e164-number', 'x: +0123 a+14155550100'), []);
  });

  test('sip: and sips: URIs up to a delimiter', () => {
    assert.deepEqual(matches('sip-uri', '{ sip_url: "sip:pbx-a.example.com:5060", other: sips:b.example.com }'), ['sip:pbx-a.example.com:5060', 'sips:b.example.com']);
    assert.deepEqual(matches('sip-uri', 'gossip:x'), []);
  });

  test('language configuration: # comments, brackets, off-side folding', () => {
    assert.equal(configuration.comments.lineComment, '#');
    assert.deepEqual(configuration.brackets, [['{', '}'], ['[', ']']]);
    assert.equal(configuration.folding.offSide, true);
    assert.doesNotThrow(() => new RegExp(configuration.indentationRules.increaseIndentPattern));
  });
});
