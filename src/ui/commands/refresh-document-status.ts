import type { DocumentCommandContext } from '../documents/trunk-file-services';
import type { CommandDefinition } from './command';

/** Trunkline: Refresh Trunk File Status — re-reads the remote state behind every open trunk file's lenses. */
export const refreshDocumentStatus: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.refreshStatus',
  async run(ctx) {
    const open = ctx.documents.openTrunkFiles();
    await Promise.all(open.map((d) => ctx.files.refreshStatus(d)));
    return open.length;
  },
};
