import type { Account } from '../../core/accounts/account';
import { createWithoutDuplicates, newResource } from '../../core/documents/apply/reconcile-create';
import { endpointsNamed } from '../../core/providers/carrierx/endpoints-named';
import type { Endpoint } from '../../core/providers/carrierx/models';
import { runCreateWizard } from '../create-wizard';
import { addressFieldsOf, addressStepFailure, endpointAddressSteps, type AddressAnswers } from '../endpoint-address-steps';
import { refreshEndpointFolders } from '../endpoint-changed';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { pickAccount } from '../pickers/pick-account';
import { showCreated } from '../show-created';
import { EndpointsNode } from '../tree/endpoints-node';
import type { CommandContext, CommandDefinition } from './command';

interface EndpointAnswers {
  name: string | undefined;
  address: AddressAnswers;
}

/**
 * Trunkline: Create Endpoint — a `third_party` endpoint (your SIP equipment) with its first
 * address: name, host, port, transport, direction, with Back; set it on trunks next.
 */
export const createEndpoint: CommandDefinition = {
  id: 'trunkline.createEndpoint',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create Endpoint');
    const account: Account = node instanceof EndpointsNode ? node.account : await pickAccount(ctx, { provider: 'carrierx', title });
    const client = await ctx.connections.carrierx(account);
    const answers: EndpointAnswers = { name: undefined, address: { ip: undefined, port: undefined, transport: undefined, direction: undefined } };
    const endpoint = await runCreateWizard<EndpointAnswers, Endpoint>(
      {
        steps: [
          {
            id: 'name',
            async ask(a, prompt) {
              a.name = (
                await ctx.input.input({
                  title,
                  prompt: t('Endpoint name, e.g. the PBX or site that takes the calls.'),
                  value: a.name,
                  step: prompt.step,
                  canGoBack: prompt.canGoBack,
                  problem: prompt.problem,
                  validate: (v) => nameProblem(v),
                  // One name, one endpoint: trunk files name endpoints, and two of a name would be ambiguous.
                  validateOnAccept: async (v) => {
                    const same = await endpointsNamed(client, v.trim());
                    return same.length > 0 ? t('The account already has an endpoint named "{0}".', v.trim()) : undefined;
                  },
                })
              ).trim();
            },
          },
          ...endpointAddressSteps<EndpointAnswers>(ctx, () => title),
        ],
        submit: (a) =>
          ctx.workbench.withProgress(t('Creating endpoint "{0}"…', a.name!), async (_report, signal) => {
            const name = a.name!;
            const sameName = (s: AbortSignal | undefined) => endpointsNamed(client, name, s);
            // The wizard may have been open for a while: an endpoint of that name made meanwhile
            // is refused at the name step, not made a second time.
            if ((await sameName(signal)).length > 0) throw new EndpointNameTaken(t('The account already has an endpoint named "{0}".', name));
            // A lost answer or a 5xx is looked up by name (none of that name existed just before), never sent again blindly.
            const { value } = await createWithoutDuplicates(
              {
                what: `endpoint "${name}"`,
                before: async () => new Set<string>(),
                create: () => client.endpoints.create({ name, type: 'third_party', addresses: [addressFieldsOf(a.address)] }, { signal }),
                find: async (before, s) => newResource('endpoint', await sameName(s), (e) => e.endpoint_sid, before),
              },
              { signal },
            );
            return value;
          }),
        stepOfFailure: (e) => (e instanceof EndpointNameTaken ? { stepId: 'name', message: e.message } : addressStepFailure(e, { name: /^name$/ })),
      },
      answers,
    );
    refreshEndpointFolders(ctx, account);
    await showCreated(ctx, {
      message: t('Created the endpoint "{0}". Set it on a CarrierX trunk with "Set Endpoint…".', endpoint.name ?? answers.name!),
      ref: { kind: 'endpoint', account, endpoint },
      exportable: false,
    });
    return endpoint;
  },
};

/** An endpoint of the name was made while the wizard was open. */
class EndpointNameTaken extends Error {}
