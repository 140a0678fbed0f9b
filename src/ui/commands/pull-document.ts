import { pullRemoteValues } from '../documents/pull-remote-values';
import { pullTargetOf, resolveTrunkDocument } from '../documents/trunk-document-target';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import type { CommandDefinition } from './command';

/**
 * Pull: takes the remote values of the keys the document manages, adds nothing (a key left out
 * stays unmanaged), keeps comments, and says what it changed. Pull All Fields adds the rest.
 */
export const pullDocument: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.pull',
  requiresTrust: true,
  async run(ctx, uriArg?: unknown, indexArg?: unknown) {
    const { files } = ctx;
    const target = await resolveTrunkDocument(ctx, uriArg, indexArg);
    const services = { input: ctx.input, workbench: ctx.workbench, clients: files.clients, syncState: files.syncState };
    const outcome = await pullRemoteValues(services, pullTargetOf(ctx.documents, target), 'managed');
    void files.refreshStatus(target.editorDocument);
    return outcome;
  },
};
