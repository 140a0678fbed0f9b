import * as vscode from 'vscode';
import { isTrunkFile } from '../documents/trunk-file-selector';
import type { DocumentCommandContext } from '../documents/trunk-file-services';
import type { CommandDefinition } from './command';

/** Trunkline: Refresh Trunk File Status — re-reads the remote state behind every open trunk file's lenses. */
export const refreshDocumentStatus: CommandDefinition<DocumentCommandContext> = {
  id: 'trunkline.refreshStatus',
  async run(ctx) {
    const open = vscode.workspace.textDocuments.filter((d) => isTrunkFile(d) && !d.isClosed);
    await Promise.all(open.map((d) => ctx.files.statuses.refresh(d)));
    return open.length;
  },
};
