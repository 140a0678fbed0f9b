import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeAt, type CompletionOptions } from '../../../../../src/core/documents/assist/complete-at';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';

const HEADER = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme-prod\n';

/** Completions at the `|` in `source`. */
async function at(source: string, options: CompletionOptions = {}) {
  const offset = source.indexOf('|');
  return completeAt(source.slice(0, offset) + source.slice(offset + 1), offset, options);
}

async function labels(source: string, options?: CompletionOptions): Promise<string[]> {
  return (await at(source, options)).map((i) => i.label);
}

describe('completeAt', () => {
  test('keys of spec, in schema order, without the ones present', async () => {
    const items = await at(`${HEADER}spec:\n  friendly_name: x\n  secure: true\n  |\n`);
    assert.deepEqual(
      items.map((i) => i.label),
      ['domain_name', 'disaster_recovery_url', 'disaster_recovery_method', 'transfer_mode', 'cnam_lookup_enabled', 'transfer_caller_id', 'recording', 'origination_urls', 'phone_numbers', 'ip_access_control_lists', 'credential_lists'],
    );
    const mode = items.find((i) => i.label === 'transfer_mode');
    assert.equal(mode?.insertText, 'transfer_mode: ');
    assert.equal(mode?.snippet, 'transfer_mode: ${1|disable-all,enable-all,sip-only|}');
    assert.match(mode?.documentation ?? '', /call transfer settings/);
    assert.equal(mode?.kind, 'property');
  });

  test('a partly typed key is replaced whole', async () => {
    const source = `${HEADER}spec:\n  tran|\n`;
    const [first] = await at(source);
    const start = source.indexOf('tran');
    assert.deepEqual(first?.range, { start, end: start + 4 });
  });

  test('renaming a key before its colon inserts the name only', async () => {
    const items = await at(`${HEADER}spec:\n  secu|re: true\n`);
    assert.equal(items.find((i) => i.label === 'secure')?.insertText, 'secure');
  });

  test('read-only fields are never offered', async () => {
    const trunk = await labels('apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  trunks:\n    - name: a\n      |\n');
    assert.ok(trunk.includes('codec'));
    assert.ok(!trunk.includes('in_rfc_4694_mode') && !trunk.includes('out_rfc_4694_mode'));
    const group = await labels('apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  |\n');
    assert.ok(group.includes('routing_type') && !group.includes('partner_sid'));
    const acl = await labels('apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  acls:\n    - direction: any\n      |\n');
    assert.deepEqual(acl, ['access_control_rules', 'voice_action_true', 'voice_action_false']);
  });

  test('keys of an origination URL after "- " and in a flow mapping', async () => {
    assert.deepEqual(await labels(`${HEADER}spec:\n  origination_urls:\n    - |\n`), ['friendly_name', 'sip_url', 'priority', 'weight', 'enabled']);
    assert.deepEqual(await labels(`${HEADER}spec:\n  recording: { mode: do-not-record, | }\n`), ['trim']);
  });

  test('top-level keys of a new document; sid is left to Push', async () => {
    const items = await at('|');
    assert.deepEqual(items.filter((i) => i.kind === 'property').map((i) => i.label), ['apiVersion', 'kind', 'account', 'spec']);
    assert.deepEqual(await labels('apiVersion: trunkline/v1\n|'), ['kind', 'account', 'spec']);
  });

  test('an empty document offers a template per kind, which is a valid document once filled in', async () => {
    const snippets = (await at('|')).filter((i) => i.kind === 'snippet');
    assert.deepEqual(snippets.map((i) => i.label), ['New Twilio trunk', 'New Twilio BYOC trunk', 'New CarrierX trunk group']);
    assert.match(snippets[0]?.snippet ?? '', /account: \$\{1:account\}/);
    for (const snippet of snippets) assert.deepEqual(parseTrunkFile(`${snippet.insertText}\n`).diagnostics, [], snippet.label);
  });

  test('enum values and booleans at a value', async () => {
    assert.deepEqual(await labels(`${HEADER}spec:\n  transfer_mode: s|\n`), ['disable-all', 'enable-all', 'sip-only']);
    assert.deepEqual(await labels(`${HEADER}spec:\n  secure: |\n`), ['true', 'false']);
    assert.deepEqual(await labels('apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  trunks:\n    - codec: |\n'), [
      'alaw', 'g722', 'g723', 'g729', 'gsm', 'opus8', 'opus12', 'opus16', 'opus24', 'opus48', 'ulaw', 'null',
    ]);
    assert.deepEqual(await labels('kind: |\n'), ['TwilioTrunk', 'TwilioByocTrunk', 'CarrierXTrunkGroup', 'TwilioCredentialList', 'TwilioIpAccessControlList']);
  });

  test('account names come from the caller', async () => {
    const items = await at('apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: |\n', { accounts: ['acme-prod', 'sandbox'] });
    assert.deepEqual(items.map((i) => [i.label, i.kind]), [['acme-prod', 'account'], ['sandbox', 'account']]);
  });

  test("phone numbers come from the document's account, quoted, without those already listed", async () => {
    const asked: string[] = [];
    const options: CompletionOptions = {
      phoneNumbers: async (account) => {
        asked.push(account);
        return [{ phone_number: '+14155550100' }, { phone_number: '+14155550101', friendly_name: 'Support', trunk_sid: 'TK0123456789abcdef0123456789abcdef' }];
      },
    };
    const block = await at(`${HEADER}spec:\n  phone_numbers:\n    - "+14155550100"\n    - |\n`, options);
    assert.deepEqual(block.map((i) => [i.label, i.insertText, i.detail, i.kind]), [['+14155550101', '"+14155550101"', 'Support · on TK0123456789abcdef0123456789abcdef', 'phone-number']]);
    assert.match(block[0]?.documentation ?? '', /TK0123456789abcdef0123456789abcdef.*Push moves it/);
    const flow = await labels(`${HEADER}spec:\n  phone_numbers: ["+14155550101", |]\n`, options);
    assert.deepEqual(flow, ['+14155550100']);
    assert.deepEqual(asked, ['acme-prod', 'acme-prod']);
  });

  test('a number on another trunk names that trunk, in the list and in its documentation', async () => {
    const options: CompletionOptions = {
      phoneNumbers: () => [
        { phone_number: '+14155550101', friendly_name: 'Support', trunk_sid: 'TK0123456789abcdef0123456789abcdef', trunk_name: 'Acme *main*' },
        { phone_number: '+14155550102', friendly_name: '+14155550102', trunk_sid: 'TK1123456789abcdef0123456789abcdef', trunk_name: null },
        { phone_number: '+14155550103', friendly_name: 'Spare' },
      ],
    };
    const items = await at(`${HEADER}spec:\n  phone_numbers:\n    - |\n`, options);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['+14155550101', 'Support · on Acme *main*'],
        ['+14155550102', 'on TK1123456789abcdef0123456789abcdef'],
        ['+14155550103', 'Spare'],
      ],
    );
    assert.equal(items[0]?.documentation, 'On the trunk **Acme \\*main\\*** (`TK0123456789abcdef0123456789abcdef`) now: Push moves it to this trunk.');
    assert.equal(items[2]?.documentation, undefined);
  });

  test('the document at the cursor decides, in a file of several', async () => {
    const source = `${HEADER}spec: {}\n---\napiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  routing_type: |\n`;
    assert.deepEqual(await labels(source), ['failover', 'round_robin']);
  });

  test('nothing, and no error, where nothing fits', async () => {
    assert.deepEqual(await labels(`${HEADER}spec:\n  friendly_name: |\n`), []);
    assert.deepEqual(await labels(`${HEADER}# a comment |\n`), []);
    assert.deepEqual(await labels('{[}: |'), []);
  });
});
