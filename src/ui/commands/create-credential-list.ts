import { createWithoutDuplicates } from '../../core/documents/apply/reconcile-create';
import { CREDENTIAL_LIST_NAME_MAX } from '../../core/providers/twilio/sip-auth-rules';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { pickAccount } from '../pickers/pick-account';
import { showCreated } from '../show-created';
import { SipAuthListsNode } from '../tree/sip-auth-lists-node';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Create Credential List — an empty list; add usernames to it next. */
export const createCredentialList: CommandDefinition = {
  id: 'trunkline.createCredentialList',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create Credential List');
    const account = node instanceof SipAuthListsNode ? node.account : await pickAccount(ctx, { provider: 'twilio', title });
    const client = await ctx.connections.twilio(account);
    const name = await ctx.input.input({
      title,
      prompt: t('Name of the list (up to {0} characters), e.g. the PBX whose users it holds.', CREDENTIAL_LIST_NAME_MAX),
      validate: (v) => nameProblem(v, CREDENTIAL_LIST_NAME_MAX),
      // One name, one list: a second list of the same name would make trunk files ambiguous.
      validateOnAccept: async (v) =>
        (await client.credentialLists.findByFriendlyName(v)).length > 0 ? t('The account already has a list named "{0}".', v) : undefined,
    });
    const lists = client.credentialLists;
    // A lost answer is looked up, never sent again blindly: Twilio keeps credential list names
    // unique (21240), so the list of that name is the one this create made.
    const { value: list } = await ctx.workbench.withProgress(t('Creating "{0}"…', name), (_report, signal) =>
      createWithoutDuplicates(
        {
          what: `credential list "${name}"`,
          create: () => lists.create(name, { signal }),
          find: async (_before, s) => (await lists.findByFriendlyName(name, { signal: s }))[0],
        },
        { signal },
      ),
    );
    await showCreated(ctx, { message: t('Created the credential list "{0}". Add credentials to it, then link it to a trunk.', name), ref: { kind: 'credentialList', account, list }, exportable: false });
    return list;
  },
};
