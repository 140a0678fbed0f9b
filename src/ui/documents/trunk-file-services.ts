import type { SyncClients } from '../../core/documents/apply/sync-clients';
import type { SyncStateStore } from '../../core/documents/sync/sync-state';
import type { CommandContext } from '../commands/command';
import type { DocumentStatusCache } from './document-status-cache';
import type { VirtualDocuments } from './remote-document-provider';
import type { TrunkFileCache } from './trunk-file-cache';
import type { TrunkFileDiagnostics } from './trunk-file-diagnostics';

/** What the trunk-file commands (Push, Diff, Pull, Export, Push All) share. */
export interface TrunkFileServices {
  readonly cache: TrunkFileCache;
  readonly diagnostics: TrunkFileDiagnostics;
  readonly statuses: DocumentStatusCache;
  readonly syncState: SyncStateStore;
  readonly clients: SyncClients;
  readonly virtualDocuments: VirtualDocuments;
}

export interface DocumentCommandContext extends CommandContext {
  readonly files: TrunkFileServices;
}
