import type { VsCodeEditorDocuments } from '../vscode-editor-documents';
import type { TrunkFileFeatures } from './register-trunk-files';
import type { TrunkFileServices } from './trunk-file-services';

/** The document commands' view of the editor features: the same parse cache, Problems view and lenses. */
export function editorTrunkFileServices(features: TrunkFileFeatures, documents: VsCodeEditorDocuments): TrunkFileServices {
  const { cache, diagnostics, statuses } = features;
  return {
    syncState: features.syncState,
    clients: features.clients,
    parse: (d) => cache.get(documents.nativeOf(d)),
    check: (d) => diagnostics.check(documents.nativeOf(d)),
    documentsToPush: (d) => diagnostics.documentsToPush(documents.nativeOf(d)),
    claimedSids: () => diagnostics.claimedSids(),
    refreshStatus: (d) => statuses.refresh(documents.nativeOf(d)),
    statusesOf: (d) => statuses.get(documents.nativeOf(d))?.statuses,
  };
}
