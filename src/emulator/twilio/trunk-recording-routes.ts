import { RECORDING_MODES, RECORDING_TRIMS, SID_PATTERNS } from '../../core/providers/twilio/models';
import { ok } from '../http/reply';
import { oneOf, param, readParams } from './form-params';
import { pathTrunk, type TwilioRoute } from './twilio-context';

export const RECORDING_FORM = { Mode: param('mode', oneOf(RECORDING_MODES)), Trim: param('trim', oneOf(RECORDING_TRIMS)) };
const TRUNK_SID = { TrunkSid: SID_PATTERNS.trunk };

/** A trunk's recording settings: a singleton, the only way to change `recording`. */
export const trunkRecordingRoutes: readonly TwilioRoute[] = [
  {
    method: 'GET',
    template: '/v1/Trunks/{TrunkSid}/Recording',
    params: TRUNK_SID,
    handler: (ctx) => ok({ ...pathTrunk(ctx, 'TrunkSid').recording }),
  },
  {
    method: 'POST',
    template: '/v1/Trunks/{TrunkSid}/Recording',
    params: TRUNK_SID,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx, 'TrunkSid');
      ctx.state.trunks.updateRecording(trunk, readParams(ctx.form, RECORDING_FORM), ctx.now);
      return ok({ ...trunk.recording });
    },
  },
];
