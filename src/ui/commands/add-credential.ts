import { createWithoutDuplicates } from '../../core/documents/apply/reconcile-create';
import { collect } from '../../core/providers/page';
import { SIP_USERNAME_MAX } from '../../core/providers/twilio/sip-auth-rules';
import { askSipPassword, handOverSipPassword } from '../ask-sip-password';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickCredentialList } from '../pickers/pick-sip-auth-list';
import { showCreated } from '../show-created';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Add Credential — a username and password a PBX signs in with to send calls. */
export const addCredential: CommandDefinition = {
  id: 'trunkline.addCredential',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Add Credential');
    const from = refFromNode(node);
    const given = from?.kind === 'credentialList' ? from : undefined;
    const account = given?.account ?? (await pickAccount(ctx, { provider: 'twilio', title }));
    const list = given?.list ?? (await pickCredentialList(ctx, account, title));
    const client = await ctx.connections.twilio(account);
    const username = (
      await ctx.input.input({
        title: `${title}: ${list.friendly_name ?? list.sid}`,
        prompt: t('Username (up to {0} characters).', SIP_USERNAME_MAX),
        validate: (v) =>
          v.trim().length === 0 ? t('Enter a username.') : v.trim().length > SIP_USERNAME_MAX ? t('At most {0} characters ({1} now).', SIP_USERNAME_MAX, v.trim().length) : undefined,
        validateOnAccept: async (v) => {
          for await (const c of client.credentials.list(list.sid, { pageSize: 1000 })) if (c.username === v.trim()) return t('"{0}" is already in this list: use Set Credential Password… to change its password.', v.trim());
          return undefined;
        },
      })
    ).trim();
    const password = await askSipPassword(ctx, title, username);
    // A lost answer is looked up, never sent again blindly: a username is in a list once. The one
    // found may be a colleague's made at the same moment, so the password is set on it again:
    // the password handed over must be the one Twilio holds.
    const credential = await ctx.workbench.withProgress(t('Adding "{0}"…', username), async (_report, signal) => {
      const outcome = await createWithoutDuplicates(
        {
          what: `SIP credential "${username}"`,
          create: () => client.credentials.create(list.sid, { username, password: password.value }, { signal }),
          find: async (_before, s) => (await collect(client.credentials.list(list.sid, { pageSize: 1000, signal: s }))).find((c) => c.username === username),
        },
        { signal },
      );
      return outcome.reconciled ? client.credentials.updatePassword(list.sid, outcome.value.sid, password.value, { signal }) : outcome.value;
    });
    if (given?.via) ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: given.via.sid });
    await handOverSipPassword(ctx, password, username);
    await showCreated(ctx, { message: t('Added "{0}" to "{1}".', username, list.friendly_name ?? list.sid), ref: { kind: 'credential', account, list, credential, via: given?.via }, exportable: false });
    return credential;
  },
};
