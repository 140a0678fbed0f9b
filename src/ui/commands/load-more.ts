import { LoadMoreNode } from '../tree/paged-folder-node';
import type { CommandContext, CommandDefinition } from './command';

/** The "Load more…" node: fetches the next page of its folder. */
export const loadMore: CommandDefinition = {
  id: 'trunkline.loadMore',
  async run(_ctx: CommandContext, node?: unknown) {
    if (node instanceof LoadMoreNode) await node.parent.loadMore();
  },
};
