import type { ExplorerNode } from '../tree/explorer-node';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Refresh — a node (context menu) or the whole view (title bar, palette). */
export const refresh: CommandDefinition = {
  id: 'trunkline.refresh',
  async run(ctx: CommandContext, node?: unknown) {
    const target = node && typeof node === 'object' && 'treeItem' in node ? (node as ExplorerNode) : undefined;
    ctx.explorer.refresh(target);
  },
};
