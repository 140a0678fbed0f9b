import { askSipPassword, handOverSipPassword } from '../ask-sip-password';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { kindOf } from '../resources/resource-kinds';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Set Credential Password… — the one thing about a SIP credential that can change. */
export const setCredentialPassword: CommandDefinition = {
  id: 'trunkline.setCredentialPassword',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Set Credential Password');
    const from = refFromNode(node);
    const ref = from?.kind === 'credential' ? from : await kindOf('credential').pick(ctx, await pickAccount(ctx, { provider: 'twilio', title }), title);
    const username = ref.credential.username ?? ref.credential.sid;
    const password = await askSipPassword(ctx, `${title}: ${username}`, username);
    const client = await ctx.connections.twilio(ref.account);
    await ctx.workbench.withProgress(t('Setting the password of "{0}"…', username), (_report, signal) =>
      client.credentials.updatePassword(ref.list.sid, ref.credential.sid, password.value, { signal }),
    );
    await handOverSipPassword(ctx, password, username);
    if (!password.generated) void ctx.workbench.info(t('Set the password of "{0}".', username));
    return { username };
  },
};
