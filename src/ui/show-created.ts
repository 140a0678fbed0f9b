import { errorLine } from '../core/http/provider-error';
import type { CommandContext } from './commands/command';
import { t } from './l10n';
import { folderIdsOf, sidOf, treeIdOf } from './resources/resource-kinds';
import type { ResourceRef } from './resources/resource-ref';

/** The command id of Export to Trunk Files (package.json), offered for what can be exported. */
const EXPORT_COMMAND = 'trunkline.export';

export interface Created {
  /** "Created trunk …", as the notification says it. */
  readonly message: string;
  /** What was created: its folder in the explorer reloads, and its node is revealed. */
  readonly ref: ResourceRef;
  /** Whether Export to Trunk File applies (trunks, BYOC trunks, trunk groups). */
  readonly exportable: boolean;
}

/**
 * After a create, shows the result: the folder reloads, the new node is revealed and selected
 * in the Trunks view, and the message offers Copy SID and, for what can be managed as a file,
 * Export to Trunk File. Resolves once the node is shown, not when the message is answered.
 */
export async function showCreated(ctx: CommandContext, created: Created): Promise<void> {
  const nodeId = treeIdOf(created.ref);
  for (const id of folderIdsOf(created.ref)) ctx.explorer.refreshById(id);
  const node = await ctx.explorer.reveal(nodeId).catch((e: unknown) => {
    ctx.log.warn(`Could not show ${nodeId} in the Trunks view: ${errorLine(e)}`);
    return undefined;
  });
  const copy = t('Copy SID');
  const exportFile = t('Export to Trunk File');
  const actions = created.exportable && node ? [copy, exportFile] : [copy];
  // The command ends here; the notification waits for the user on its own.
  void ctx.workbench.info(created.message, ...actions).then(async (choice) => {
    if (choice === copy) await ctx.workbench.writeClipboard(sidOf(created.ref));
    else if (choice === exportFile) await ctx.workbench.executeCommand(EXPORT_COMMAND, node);
  });
}
