import { t } from '../l10n';
import type { CommandContext, CommandDefinition } from './command';
import { setTargetEnabled } from './enable-connection-policy-target';

/** Trunkline: Disable Target — kept in the policy, but Twilio sends it no calls. */
export const disableConnectionPolicyTarget: CommandDefinition = {
  id: 'trunkline.disableConnectionPolicyTarget',
  run: (ctx: CommandContext, node?: unknown) => setTargetEnabled(ctx, node, false, t('Disable Target')),
};
