import { RECORDING_MODES, RECORDING_TRIMS } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { folderIdOf } from '../resources/resource-kinds';
import { TrunkNode } from '../tree/trunk-node';
import type { CommandContext, CommandDefinition } from './command';

const MODE_HELP: Record<string, string> = {
  'do-not-record': 'No recording',
  'record-from-ringing': 'Record from when the call starts ringing',
  'record-from-answer': 'Record from when the call is answered',
  'record-from-ringing-dual': 'Dual-channel, from ringing',
  'record-from-answer-dual': 'Dual-channel, from answer',
};

/** Trunkline: Set Recording — the trunk's recording mode and trim (its Recording sub-resource). */
export const setRecording: CommandDefinition = {
  id: 'trunkline.setRecording',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Set Recording');
    const account = node instanceof TrunkNode ? node.account : await pickAccount(ctx, { provider: 'twilio', title });
    const trunk = node instanceof TrunkNode ? node.trunk : await pickTrunk(ctx, account, title);
    const current = trunk.recording;
    const mode = await ctx.input.pick(
      RECORDING_MODES.map((m) => ({ label: m, description: m === current?.mode ? t('current') : t(MODE_HELP[m] ?? ''), value: m })),
      { title: `${title}: ${trunk.friendly_name ?? trunk.sid}`, placeholder: t('Recording mode'), step: { step: 1, totalSteps: 2 } },
    );
    const trim =
      mode === 'do-not-record'
        ? undefined
        : await ctx.input.pick(
            RECORDING_TRIMS.map((tr) => ({ label: tr, description: tr === current?.trim ? t('current') : undefined, value: tr })),
            { title: `${title}: ${trunk.friendly_name ?? trunk.sid}`, placeholder: t('Trim silence at the start and end?'), step: { step: 2, totalSteps: 2 } },
          );
    let recording;
    try {
      recording = await ctx.workbench.withProgress(t('Setting recording of "{0}"…', trunk.friendly_name ?? trunk.sid), async (_report, signal) => {
        const client = await ctx.connections.twilio(account);
        return client.recording.update(trunk.sid, { mode, ...(trim ? { trim } : {}) }, { signal });
      });
    } finally {
      ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: trunk.sid });
    }
    ctx.explorer.refreshById(folderIdOf({ kind: 'trunk', account, trunk }));
    void ctx.workbench.info(t('Recording of "{0}" is now {1}{2}.', trunk.friendly_name ?? trunk.sid, recording.mode ?? mode, recording.trim ? ` (${recording.trim})` : ''));
    return recording;
  },
};
