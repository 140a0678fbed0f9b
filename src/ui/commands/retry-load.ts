import { ErrorNode } from '../tree/paged-folder-node';
import type { CommandContext, CommandDefinition } from './command';

/** The "Failed to load — click to retry" node. */
export const retryLoad: CommandDefinition = {
  id: 'trunkline.retryLoad',
  async run(ctx: CommandContext, node?: unknown) {
    if (node instanceof ErrorNode) await ctx.explorer.current(node.parent).retry();
  },
};
