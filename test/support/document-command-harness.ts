import { MemorySyncStateStore } from '../../src/core/documents/sync/sync-state';
import type { DocumentCommandContext } from '../../src/ui/documents/trunk-file-services';
import { commandHarness } from './command-harness';
import { MemoryTrunkFiles } from './memory-trunk-files';
import { MemoryWorkspace } from './memory-workspace';
import type { SyncHarness } from './sync-harness';

/**
 * What the document commands (Push, Push All, Diff, Export, Pull, …) need, without the editor:
 * the command harness on the sync harness's emulator, trunk files in a MemoryWorkspace, and
 * the real sync clients (every `account:` name reaches the emulator).
 */
export function documentCommandHarness(sync: SyncHarness, options: { root?: string | undefined } = {}) {
  const commands = commandHarness(sync.emu);
  const workspace = new MemoryWorkspace('root' in options ? options.root : 'file:///work');
  const syncState = new MemorySyncStateStore();
  const files = new MemoryTrunkFiles(workspace, sync.clients, syncState);
  const context = (): DocumentCommandContext => ({ ...commands.context(), files, documents: workspace, workspaceFiles: workspace });
  return { ...commands, workspace, files, syncState, context };
}

export type DocumentCommandHarness = ReturnType<typeof documentCommandHarness>;
