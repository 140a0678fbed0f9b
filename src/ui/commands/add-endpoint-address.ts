import type { Endpoint } from '../../core/providers/carrierx/models';
import { runCreateWizard } from '../create-wizard';
import { addressFieldsOf, addressStepFailure, endpointAddressSteps, type AddressAnswers } from '../endpoint-address-steps';
import { endpointChanged } from '../endpoint-changed';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { addressFields } from '../resources/kinds/endpoint-address';
import { assertManagedEndpoint } from '../resources/kinds/endpoint';
import { kindOf } from '../resources/resource-kinds';
import type { RefOf } from '../resources/resource-ref';
import { refFromNode } from '../tree/resource-node';
import { showCreated } from '../show-created';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Add Endpoint Address — another host or IP of a `third_party` endpoint. */
export const addEndpointAddress: CommandDefinition = {
  id: 'trunkline.addEndpointAddress',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Add Endpoint Address');
    const from = refFromNode(node);
    const ref: RefOf<'endpoint'> = from?.kind === 'endpoint' ? from : await kindOf('endpoint').pick(ctx, await pickAccount(ctx, { provider: 'carrierx', title }), title);
    assertManagedEndpoint(ref.endpoint);
    const heading = `${title}: ${ref.endpoint.name || ref.endpoint.endpoint_sid}`;
    const client = await ctx.connections.carrierx(ref.account);
    const answers = { address: { ip: undefined, port: undefined, transport: undefined, direction: undefined } as AddressAnswers };
    const endpoint = await runCreateWizard<typeof answers, Endpoint>(
      {
        steps: endpointAddressSteps(ctx, () => heading),
        submit: (a) =>
          ctx.workbench.withProgress(t('Adding {0} to "{1}"…', a.address.ip!, ref.endpoint.name || ref.endpoint.endpoint_sid), async (_report, signal) => {
            // The whole array is sent: read it fresh, so an address added elsewhere meanwhile is kept.
            const current = await client.endpoints.fetch(ref.endpoint.endpoint_sid, { signal });
            assertManagedEndpoint(current);
            return client.endpoints.update(current.endpoint_sid, { addresses: [...current.addresses.map(addressFields), addressFieldsOf(a.address)] }, { signal });
          }),
        stepOfFailure: (e) => addressStepFailure(e),
      },
      answers,
    );
    const index = endpoint.addresses.length - 1;
    const added: RefOf<'endpointAddress'> = { kind: 'endpointAddress', account: ref.account, endpoint, address: endpoint.addresses[index]!, index, via: ref.via };
    endpointChanged(ctx, added);
    await showCreated(ctx, { message: t('Added {0} to "{1}".', answers.address.ip!, endpoint.name || endpoint.endpoint_sid), ref: added, exportable: false });
    return endpoint;
  },
};
