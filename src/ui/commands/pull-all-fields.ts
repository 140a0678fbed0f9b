import { pullRemoteValues } from '../documents/pull-remote-values';
import { pullTargetOf, resolveTrunkDocument } from '../documents/trunk-document-target';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import type { CommandDefinition } from './command';

/**
 * Pull All Fields: like Pull, and also adds every remote key the document leaves out, saying
 * which. Explicit on purpose: an added key becomes managed (`phone_numbers` then lists exactly
 * the trunk's numbers, and Push detaches any other).
 */
export const pullAllFields: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.pullAllFields',
  requiresTrust: true,
  async run(ctx, uriArg?: unknown, indexArg?: unknown) {
    const { files } = ctx;
    const target = await resolveTrunkDocument(ctx, uriArg, indexArg);
    const services = { input: ctx.input, workbench: ctx.workbench, clients: files.clients, syncState: files.syncState };
    const outcome = await pullRemoteValues(services, pullTargetOf(ctx.documents, target), 'all-fields');
    void files.refreshStatus(target.editorDocument);
    return outcome;
  },
};
