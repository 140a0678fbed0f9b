import { createWithoutDuplicates, newResource } from '../../core/documents/apply/reconcile-create';
import { connectionPoliciesNamed } from '../../core/providers/twilio/connection-policies-named';
import { BYOC_FRIENDLY_NAME_MAX } from '../../core/providers/twilio/field-names';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { accountFromNode } from '../pickers/account-from-node';
import { pickAccount } from '../pickers/pick-account';
import { showCreated } from '../show-created';
import { ConnectionPoliciesNode } from '../tree/connection-policies-node';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Create Connection Policy — an empty policy; add targets to it, then set it on a BYOC trunk. */
export const createConnectionPolicy: CommandDefinition = {
  id: 'trunkline.createConnectionPolicy',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create Connection Policy');
    const account = node instanceof ConnectionPoliciesNode ? node.account : (accountFromNode(node, 'twilio') ?? (await pickAccount(ctx, { provider: 'twilio', title })));
    const client = await ctx.connections.twilio(account);
    const name = await ctx.input.input({
      title,
      prompt: t('Name of the policy (up to {0} characters), e.g. the carrier it routes to.', BYOC_FRIENDLY_NAME_MAX),
      validate: (v) => nameProblem(v, BYOC_FRIENDLY_NAME_MAX),
      // Twilio allows two policies of one name, but then neither a pick list nor a trunk file
      // that names the policy can tell them apart.
      validateOnAccept: async (v) => ((await connectionPoliciesNamed(client, v)).length > 0 ? t('The account already has a connection policy named "{0}".', v) : undefined),
    });
    const policies = client.connectionPolicies;
    const sameName = (signal: AbortSignal | undefined) => connectionPoliciesNamed(client, name, signal);
    // A lost answer or a 5xx is looked up, never sent again blindly: the policies of that name
    // just before the create tell ours from one a colleague makes meanwhile.
    const { value: policy } = await ctx.workbench.withProgress(t('Creating "{0}"…', name), (_report, signal) =>
      createWithoutDuplicates(
        {
          what: `connection policy "${name}"`,
          before: async () => {
            // The prompt checked the name; a policy of that name made since would be a second one.
            if ((await sameName(signal)).length > 0) throw new Error(t('The account already has a connection policy named "{0}" (made while you typed); nothing was created.', name));
            return new Set<string>();
          },
          create: () => policies.create({ friendly_name: name }, { signal }),
          find: async (before, s) => newResource('connection policy', await sameName(s), (p) => p.sid, before),
        },
        { signal },
      ),
    );
    await showCreated(ctx, {
      message: t('Created the connection policy "{0}". Add targets to it, then set it on a BYOC trunk.', name),
      ref: { kind: 'connectionPolicy', account, policy },
      exportable: false,
    });
    return policy;
  },
};
