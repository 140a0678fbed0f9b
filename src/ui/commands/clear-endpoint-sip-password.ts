import { endpointChanged } from '../endpoint-changed';
import { t } from '../l10n';
import { pickSipPasswordTarget, sipCredentialsOf } from '../pickers/pick-sip-password-target';
import { addressFields, currentAddress, writeAddress } from '../resources/kinds/endpoint-address';
import { labelOf } from '../resources/resource-kinds';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Clear SIP Password — removes the username and password of an endpoint or address, after a confirmation. */
export const clearEndpointSipPassword: CommandDefinition = {
  id: 'trunkline.clearEndpointSipPassword',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Clear SIP Password');
    const target = await pickSipPasswordTarget(ctx, node, title);
    const { username, password } = sipCredentialsOf(target);
    if (!username && !password) {
      void ctx.workbench.info(t('"{0}" has no SIP username or password; nothing to clear.', labelOf(target)));
      return false;
    }
    const fallback =
      target.kind === 'endpointAddress' ? t('CarrierX then answers challenges from {0} with the endpoint\'s own credentials, if it has any.', labelOf(target)) : t('Addresses with their own credentials keep them.');
    const confirmed = await ctx.input.confirm(t('Clear the SIP username and password of "{0}"?', labelOf(target)), {
      detail: `${fallback} ${t('Equipment that asks CarrierX to authenticate will refuse its calls.')}`,
      action: t('Clear'),
    });
    if (!confirmed) return false;
    await ctx.workbench.withProgress(t('Clearing the SIP password of "{0}"…', labelOf(target)), async (_report, signal) => {
      if (target.kind === 'endpoint') {
        const client = await ctx.connections.carrierx(target.account);
        await client.endpoints.update(target.endpoint.endpoint_sid, { out_sip_username: null, out_sip_password: null }, { signal });
      } else {
        const { endpoint, index } = await currentAddress(ctx.connections, target, signal);
        await writeAddress(ctx.connections, target.account, endpoint, index, { ...addressFields(endpoint.addresses[index]!), sip_username: null, sip_password: null }, signal);
      }
    });
    endpointChanged(ctx, target);
    void ctx.workbench.info(t('Cleared the SIP password of "{0}".', labelOf(target)));
    return true;
  },
};
