import { resolveTrunkDocument } from '../documents/trunk-document-target';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import { t } from '../l10n';
import type { CommandDefinition } from './command';
import { diffDocument } from './diff-document';
import { pushDocument } from './push-document';

/** The status lens: says what the status means, and offers the next step. */
export const showDocumentStatus: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.showDocumentStatus',
  async run(ctx, uriArg?: unknown, indexArg?: unknown) {
    const { editorDocument, document } = await resolveTrunkDocument(ctx, uriArg, indexArg);
    await ctx.files.refreshStatus(editorDocument);
    const status = ctx.files.statusesOf(editorDocument)?.find((s) => s.index === document.index);
    if (!status) return undefined;
    const push = t('Push');
    const diff = t('Diff');
    const actions = status.state === 'changes' || status.state === 'not-created' ? [push, diff] : status.state === 'remote-changed' ? [diff] : [];
    // The notification stays until dismissed: the command does not wait for it.
    void ctx.workbench.info(status.message, ...actions).then((choice) => {
      const uri = editorDocument.uri;
      if (choice === push) return ctx.workbench.executeCommand(pushDocument.id, uri, document.index);
      if (choice === diff) return ctx.workbench.executeCommand(diffDocument.id, uri, document.index);
      return undefined;
    });
    return status.state;
  },
};
