import { LoadMoreNode } from '../tree/paged-folder-node';
import type { CommandContext, CommandDefinition } from './command';

/** The "Load more…" node: fetches the next page of its folder. */
export const loadMore: CommandDefinition = {
  id: 'trunkline.loadMore',
  async run(ctx: CommandContext, node?: unknown) {
    // A row drawn before a refresh replaced its folder pages the folder shown now.
    if (node instanceof LoadMoreNode) await ctx.explorer.current(node.parent).loadMore();
  },
};
