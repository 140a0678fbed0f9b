import { createWithoutDuplicates, newResource } from '../../core/documents/apply/reconcile-create';
import { IP_ACCESS_CONTROL_LIST_NAME_MAX } from '../../core/providers/twilio/sip-auth-rules';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { pickAccount } from '../pickers/pick-account';
import { showCreated } from '../show-created';
import { SipAuthListsNode } from '../tree/sip-auth-lists-node';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Create IP Access Control List — an empty list; add addresses to it next. */
export const createIpAccessControlList: CommandDefinition = {
  id: 'trunkline.createIpAccessControlList',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create IP Access Control List');
    const account = node instanceof SipAuthListsNode ? node.account : await pickAccount(ctx, { provider: 'twilio', title });
    const client = await ctx.connections.twilio(account);
    const name = await ctx.input.input({
      title,
      prompt: t('Name of the list (up to {0} characters), e.g. the PBX or site it lets in.', IP_ACCESS_CONTROL_LIST_NAME_MAX),
      validate: (v) => nameProblem(v, IP_ACCESS_CONTROL_LIST_NAME_MAX),
      // One name, one list: a second list of the same name would make trunk files ambiguous.
      validateOnAccept: async (v) =>
        (await client.ipAccessControlLists.findByFriendlyName(v)).length > 0 ? t('The account already has a list named "{0}".', v) : undefined,
    });
    const lists = client.ipAccessControlLists;
    // A lost answer is looked up, never sent again blindly. IP ACL names need not be unique at
    // Twilio, so the lists of that name just before the create tell ours from a colleague's.
    const { value: list } = await ctx.workbench.withProgress(t('Creating "{0}"…', name), (_report, signal) =>
      createWithoutDuplicates(
        {
          what: `IP access control list "${name}"`,
          before: async () => new Set((await lists.findByFriendlyName(name, { signal })).map((l) => l.sid)),
          create: () => lists.create(name, { signal }),
          find: async (before, s) => newResource('IP access control list', await lists.findByFriendlyName(name, { signal: s }), (l) => l.sid, before),
        },
        { signal },
      ),
    );
    await showCreated(ctx, { message: t('Created the IP access control list "{0}". Add addresses to it, then link it to a trunk.', name), ref: { kind: 'ipAccessControlList', account, list }, exportable: false });
    return list;
  },
};
