import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import carrierXSchema from '../../../../schemas/carrierx-trunk-group.schema.json';
import byocSchema from '../../../../schemas/twilio-byoc-trunk.schema.json';
import trunkSchema from '../../../../schemas/twilio-trunk.schema.json';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { fieldLabel } from '../../../../src/ui/tree/field-labels';
import { markdownFields, named } from '../../../../src/ui/tree/markdown-fields';
import { setTranslator } from '../../../../src/ui/l10n';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

// Tooltips a human reads (issue 16): words with the API name beside them, pairs on one line,
// names instead of sids where the name is known.

const lines = (markdown: string) => markdown.split('\n').slice(2).join('\n').split('  \n');

describe('tooltip fields', () => {
  test('each field is labelled in words, with its API name beside it', () => {
    const tooltip = markdownFields('Acme main', [
      ['friendly_name', 'Acme main'],
      ['secure', true],
      ['cnam_lookup_enabled', false],
      ['date_created', '2025-01-02T11:23:45Z'],
    ], 'trunk');
    assert.deepEqual(lines(tooltip), [
      'Friendly name · `friendly_name`: Acme main',
      'Secure trunking · `secure`: yes',
      'Caller name \\(CNAM\\) lookup · `cnam_lookup_enabled`: no',
      'Created · `date_created`: 2025-01-02T11:23:45Z',
    ]);
  });

  test('a method shows with its URL, a recording mode with its trimming, on one line', () => {
    const tooltip = markdownFields('Acme main', [
      ['disaster_recovery_url', 'https://dr.example.com/voice'],
      ['disaster_recovery_method', 'POST'],
      ['recording.mode', 'record-from-answer'],
      ['recording.trim', 'trim-silence'],
    ], 'trunk');
    assert.deepEqual(lines(tooltip), [
      'Disaster recovery URL · `disaster_recovery_method` `disaster_recovery_url`: POST https://dr.example.com/voice',
      'Recording · `recording.mode` `recording.trim`: record-from-answer, trim-silence',
    ]);
  });

  test('half a pair shows alone; empty values not at all', () => {
    const tooltip = markdownFields('Carrier', [['voice_url', 'https://a.example.com'], ['voice_method', null], ['voice_fallback_url', '']], 'byocTrunk');
    assert.deepEqual(lines(tooltip), ['Voice URL · `voice_url`: https://a.example.com']);
  });

  test('a sid whose name is known shows the name, with the sid beside it', () => {
    const sid = 'TK0123456789abcdef0123456789abcdef';
    assert.deepEqual(lines(markdownFields('+14155550100', [['trunk_sid', named(sid, 'Acme_main')]], 'phoneNumber')), [`Trunk · \`trunk_sid\`: Acme\\_main (\`${sid}\`)`]);
    assert.deepEqual(lines(markdownFields('+14155550100', [['trunk_sid', named(sid, undefined)]], 'phoneNumber')), [`Trunk · \`trunk_sid\`: ${sid}`]);
  });

  test('flags read as the ones that are on', () => {
    assert.deepEqual(lines(markdownFields('+1', [['capabilities', { voice: true, sms: false, mms: true }]], 'phoneNumber')), ['Capabilities · `capabilities`: voice, mms']);
  });

  test('a page of rows translates each label once, and a new language takes effect at once', () => {
    // Every row's tooltip asks for its labels: the explorer builds 50 rows a page, so asking
    // twice must not translate again (it built the table of 60 words per field asked).
    const calls: string[] = [];
    const plain = (message: string, ...args: (string | number | boolean)[]) => message.replace(/\{(\d+)\}/g, (whole, i: string) => String(args[Number(i)] ?? whole));
    try {
      setTranslator((message, ...args) => (calls.push(message), plain(message, ...args)));
      const fields: [string, unknown][] = [['sid', 'TK0123'], ['friendly_name', 'Acme'], ['date_created', '2025-01-02T11:23:45Z'], ['domain_name', 'acme.pstn.twilio.com']];
      markdownFields('Acme', fields, 'trunk');
      assert.ok(calls.length > 0);
      calls.length = 0;
      for (let row = 0; row < 50; row++) markdownFields('Acme', fields, 'trunk');
      assert.deepEqual(calls, []);
      setTranslator((message, ...args) => `¡${plain(message, ...args)}!`);
      assert.equal(fieldLabel('sid', 'trunk'), '¡SID!');
      assert.equal(fieldLabel('friendly_name', 'trunk'), '¡Friendly name!');
    } finally {
      setTranslator(plain);
    }
  });

  test('labels come from the schemas: every field of a trunk-file kind has a title, the same for the same API name', () => {
    const seen = new Map<string, string>();
    type Titled = Record<string, { title?: string; properties?: Record<string, unknown> }>;
    const visit = (properties: Titled | undefined, where: string) => {
      for (const [key, property] of Object.entries(properties ?? {})) {
        assert.ok(property.title, `${where}.${key} has no title`);
        const before = seen.get(key);
        assert.ok(before === undefined || before === property.title || key === 'sid', `${key}: "${before}" in one schema, "${property.title}" in ${where}`);
        seen.set(key, property.title);
        visit(property.properties as Titled | undefined, `${where}.${key}`);
      }
    };
    for (const [name, schema] of Object.entries({ trunkSchema, byocSchema, carrierXSchema }) as unknown as [string, { properties: Titled; definitions: Record<string, { properties: Titled }> }][]) {
      visit(schema.properties, name);
      for (const [definition, body] of Object.entries(schema.definitions)) visit(body.properties, `${name}#${definition}`);
    }
    assert.equal(fieldLabel('domain_name', 'trunk'), trunkSchema.definitions.spec.properties.domain_name.title);
  });
});

describe('explorer tooltips over the sandbox', () => {
  let emulator: TestEmulator;
  let h: CommandHarness;
  before(async () => {
    emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 12, byocTrunks: 2, trunkGroups: 2 } });
  });
  after(() => emulator.close());
  beforeEach(async () => {
    await h?.close();
    await emulator.reset();
    h = commandHarness(emulator);
  });

  async function everyNode(node: ExplorerNode | undefined, out: ExplorerNode[] = []): Promise<ExplorerNode[]> {
    for (const child of await h.explorer.childrenOf(node)) {
      out.push(child);
      if (child.treeItem().collapsible !== 'none') await everyNode(child, out);
    }
    return out;
  }

  test('every field of every resource has words beside its API name; a number names its trunk', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const nodes = await everyNode(undefined);
    const unlabelled: string[] = [];
    let numbers = 0;
    for (const node of nodes) {
      const item = node.treeItem();
      if (!item.tooltip || item.contextValue.startsWith('trunkline:account')) continue;
      for (const line of lines(item.tooltip)) if (!/^[^`]+ · (`[\w.]+` ?)+: /.test(line)) unlabelled.push(`${item.label}: ${line}`);
      if (item.contextValue.startsWith('trunkline:phoneNumber')) {
        numbers++;
        const trunk = (node.parent?.parent as { trunk?: { sid: string; friendly_name: string } }).trunk!;
        assert.ok(item.tooltip.includes(`Trunk · \`trunk_sid\`: ${trunk.friendly_name} (\`${trunk.sid}\`)`), item.tooltip);
      }
    }
    assert.ok(numbers > 0, 'the seed puts numbers on trunks');
    assert.deepEqual(unlabelled, []);
  });
});
