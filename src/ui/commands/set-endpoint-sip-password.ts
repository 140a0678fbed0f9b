import { askSipPassword, handOverSipPassword } from '../ask-sip-password';
import { endpointChanged } from '../endpoint-changed';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { pickSipPasswordTarget, sipCredentialsOf } from '../pickers/pick-sip-password-target';
import { addressFields, currentAddress, writeAddress } from '../resources/kinds/endpoint-address';
import { labelOf } from '../resources/resource-kinds';
import type { CommandContext, CommandDefinition } from './command';

/**
 * Trunkline: Set SIP Password… — the username and password CarrierX answers a proxy
 * authentication challenge with, for an endpoint or one of its addresses. The password is typed
 * (masked) or generated, sent once and kept nowhere.
 */
export const setEndpointSipPassword: CommandDefinition = {
  id: 'trunkline.setEndpointSipPassword',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Set SIP Password');
    const target = await pickSipPasswordTarget(ctx, node, title);
    const heading = `${title}: ${labelOf(target)}`;
    const username = (
      await ctx.input.input({
        title: heading,
        prompt: t('SIP username CarrierX sends when {0} asks it to authenticate.', labelOf(target)),
        value: sipCredentialsOf(target).username ?? '',
        validate: (v) => nameProblem(v) ?? (/\s/.test(v.trim()) ? t('A SIP username has no spaces.') : undefined),
      })
    ).trim();
    const password = await askSipPassword(ctx, heading, username, 'carrierx');
    await ctx.workbench.withProgress(t('Setting the SIP password of "{0}"…', labelOf(target)), async (_report, signal) => {
      if (target.kind === 'endpoint') {
        const client = await ctx.connections.carrierx(target.account);
        await client.endpoints.update(target.endpoint.endpoint_sid, { out_sip_username: username, out_sip_password: password.value }, { signal });
      } else {
        const { endpoint, index } = await currentAddress(ctx.connections, target, signal);
        await writeAddress(ctx.connections, target.account, endpoint, index, { ...addressFields(endpoint.addresses[index]!), sip_username: username, sip_password: password.value }, signal);
      }
    });
    endpointChanged(ctx, target);
    await handOverSipPassword(ctx, password, username, 'carrierx');
    if (!password.generated) void ctx.workbench.info(t('Set the SIP password of "{0}" (user "{1}").', labelOf(target), username));
    return { username };
  },
};
