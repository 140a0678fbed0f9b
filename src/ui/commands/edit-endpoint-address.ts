import { runCreateWizard } from '../create-wizard';
import { addressFieldsOf, addressStepFailure, endpointAddressSteps, type AddressAnswers } from '../endpoint-address-steps';
import { endpointChanged } from '../endpoint-changed';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { addressFields, currentAddress, writeAddress } from '../resources/kinds/endpoint-address';
import { assertManagedEndpoint } from '../resources/kinds/endpoint';
import { kindOf } from '../resources/resource-kinds';
import type { RefOf } from '../resources/resource-ref';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';

/**
 * Trunkline: Edit Endpoint Address… — host, port, transport and direction of one address, each
 * offered with its current value; the address's other settings (and its SIP password) are kept.
 */
export const editEndpointAddress: CommandDefinition = {
  id: 'trunkline.editEndpointAddress',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Edit Endpoint Address');
    const from = refFromNode(node);
    const ref: RefOf<'endpointAddress'> =
      from?.kind === 'endpointAddress' ? from : await kindOf('endpointAddress').pick(ctx, await pickAccount(ctx, { provider: 'carrierx', title }), title);
    assertManagedEndpoint(ref.endpoint);
    const a = ref.address;
    const answers = {
      address: {
        ip: a.ip ?? undefined,
        port: a.port ?? undefined,
        transport: (a.transport ?? undefined) as AddressAnswers['transport'],
        direction: (a.direction ?? undefined) as AddressAnswers['direction'],
      },
    };
    const heading = `${title}: ${ref.endpoint.name || ref.endpoint.endpoint_sid} › ${a.ip ?? ''}`;
    const endpoint = await runCreateWizard(
      {
        steps: endpointAddressSteps<typeof answers>(ctx, () => heading),
        submit: async (s) => {
          const wanted = addressFieldsOf(s.address);
          if ((Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => wanted[k] === a[k])) return undefined;
          return ctx.workbench.withProgress(t('Updating {0} of "{1}"…', a.ip ?? '', ref.endpoint.name || ref.endpoint.endpoint_sid), async (_report, signal) => {
            const { endpoint: current, index } = await currentAddress(ctx.connections, ref, signal);
            return writeAddress(ctx.connections, ref.account, current, index, { ...addressFields(current.addresses[index]!), ...wanted }, signal);
          });
        },
        stepOfFailure: (e) => addressStepFailure(e),
      },
      answers,
    );
    if (!endpoint) {
      void ctx.workbench.info(t('{0} is already set so; nothing to change.', a.ip ?? ''));
      return ref.endpoint;
    }
    endpointChanged(ctx, ref);
    void ctx.workbench.info(t('Updated {0} of "{1}".', answers.address.ip ?? '', endpoint.name || endpoint.endpoint_sid));
    return endpoint;
  },
};
