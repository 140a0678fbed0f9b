import type { CommandContext, CommandDefinition } from './command';

export const showLog: CommandDefinition = {
  id: 'trunkline.showLog',
  async run(ctx: CommandContext) {
    ctx.showLog();
  },
};
