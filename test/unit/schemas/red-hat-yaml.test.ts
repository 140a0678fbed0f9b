import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';

// Users of Red Hat YAML get the schemas through `contributes.yamlValidation`; its language
// server must read them (relative $refs, if/then on kind) as ajv does. This runs that server.

const root = join(__dirname, '../../../..');
const schemaUri = pathToFileURL(join(root, 'schemas/trunk-file.schema.json')).href;

// yaml-language-server is an ES module; the test bundle is CommonJS.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<typeof import('yaml-language-server')>;

async function validate(text: string, name: string): Promise<string[]> {
  const { getLanguageService } = await importEsm('yaml-language-server');
  const service = getLanguageService({
    schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
  });
  service.configure({ validate: true, hover: true, completion: true, schemas: [{ uri: schemaUri, fileMatch: ['*.trunk.yaml'] }] });
  const diagnostics = await service.doValidation(TextDocument.create(`file:///workspace/${name}.trunk.yaml`, 'yaml', 1, text), false);
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
}

describe('Red Hat YAML reads the trunk file schema', () => {
  test('the example file is valid', async () => {
    const text = readFileSync(join(root, 'test/fixtures/documents/acme-example.trunk.yaml'), 'utf8');
    assert.deepEqual(await validate(text, 'example'), []);
  });

  test('kind selects the schema: errors inside spec of each kind are found', async () => {
    const text = [
      'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec:\n  transfer_mode: SIP\n  secrue: true\n',
      'apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: a\nspec:\n  trunks:\n    - { name: a, in_capacity: -3 }\n',
    ].join('---\n');
    const messages = await validate(text, 'bad');
    assert.ok(messages.some((m) => m.startsWith('4:17') && /disable-all/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('5:2') && /secrue/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('12:')), messages.join('\n'));
  });
});
