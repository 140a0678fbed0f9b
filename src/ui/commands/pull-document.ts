import { remoteTargetOf } from '../../core/documents/compute-plan';
import { remoteFingerprint } from '../../core/documents/remote-fingerprint';
import { renderSpec } from '../../core/documents/render-document';
import { replaceDocumentSpec } from '../../core/documents/replace-document-spec';
import { fetchRemoteState } from '../../core/documents/remote-state';
import { syncStateKeyOf } from '../../core/documents/sync-state';
import { applyTextEdits } from '../documents/apply-text-edits';
import { resolveTrunkDocument } from '../documents/trunk-document-target';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import type { CommandDefinition } from './command';

/** Pull: replaces the document's spec with the remote state, keeping comments where keys survive. */
export const pullDocument: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.pull',
  requiresTrust: true,
  async run(ctx, uriArg?: unknown, indexArg?: unknown) {
    const { files } = ctx;
    const { editorDocument, document } = await resolveTrunkDocument(files.cache, uriArg, indexArg);
    const target = remoteTargetOf(document);
    if (!target || !document.sid) throw new Error(t('Pull needs a document with a kind, an account and a sid (a resource that exists).'));
    const versionBefore = editorDocument.version;
    const lookup = await ctx.workbench.withProgress(t('Fetching the remote state…'), (_report, signal) => fetchRemoteState(target, files.clients, { signal }));
    if (lookup.status !== 'found') throw new Error(t('{0} {1} no longer exists at the provider; there is nothing to pull.', target.kind, document.sid));
    if (editorDocument.version !== versionBefore) throw new Error(t('The file changed while the remote state was fetched; nothing was replaced. Pull again.'));
    const spec = renderSpec(lookup.state.kind, lookup.state.remote as never) as object;
    const edits = replaceDocumentSpec(editorDocument.getText(), document.index, spec);
    if (edits.length === 0) {
      void ctx.workbench.info(t('The document already matches the remote state.'));
    } else {
      const confirmed = await ctx.input.confirm(t('Replace the spec of this document with the remote state?'), {
        detail: t('Values in the file that differ from the provider are replaced; comments on keys that remain are kept. Undo reverts it.'),
        action: t('Pull'),
      });
      if (!confirmed) return false;
      await applyTextEdits(editorDocument, edits);
    }
    await files.syncState.set(syncStateKeyOf(target, document.sid), remoteFingerprint(lookup.state));
    void files.statuses.refresh(editorDocument);
    return true;
  },
};
