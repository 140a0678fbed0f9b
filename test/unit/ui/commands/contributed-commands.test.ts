import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { CommandDefinition } from '../../../../src/ui/commands/command';

// The extension registers the ids package.json contributes and loads a command's code on its
// first run (src/extension.ts): an id contributed without a command fails when chosen, and a
// command missing from package.json is never registered. Both lists must hold the same ids.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

/** The document commands import vscode (never at load time): an empty module stands in for it. */
function loadCommandLists(): { explorer: readonly CommandDefinition<never>[]; document: readonly CommandDefinition<never>[] } {
  const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const load = loader._load;
  loader._load = function (request, ...rest) {
    return request === 'vscode' ? {} : load.call(this, request, ...rest);
  };
  try {
    return {
      explorer: (require('../../../../src/ui/commands/all-commands') as typeof import('../../../../src/ui/commands/all-commands')).EXPLORER_COMMANDS,
      document: (require('../../../../src/ui/commands/all-document-commands') as typeof import('../../../../src/ui/commands/all-document-commands')).DOCUMENT_COMMANDS,
    };
  } finally {
    loader._load = load;
  }
}

describe('contributed commands', () => {
  test('package.json contributes exactly the ids of the explorer and document commands, each once', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const contributed = manifest.contributes.commands.map((c) => c.command);
    const { explorer, document } = loadCommandLists();
    const implemented = [...explorer, ...document].map((c) => c.id);
    assert.deepEqual([...new Set(implemented)].sort(), [...implemented].sort(), 'a command id is defined twice');
    assert.deepEqual([...contributed].sort(), [...implemented].sort());
  });
});
