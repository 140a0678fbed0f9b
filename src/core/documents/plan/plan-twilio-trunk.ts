import { ORIGINATION_URL_WRITABLE_FIELDS, TRUNK_WRITABLE_FIELDS } from '../../providers/twilio/field-names';
import type { OriginationUrl, OriginationUrlFields, Recording, RecordingFields, TrunkFields } from '../../providers/twilio/models';
import { matchesDesired } from './matches-desired';
import { pickFields } from './pick-fields';
import type { KindPlan, PlanError } from './plan-error';
import { fieldChanges, type NumberMove, type PlanOperation } from './plan-operations';
import type { RemoteState } from './remote-state';
import { KIND_SCHEMAS } from '../file/trunk-schemas';
import type { TwilioTrunkSpec } from '../file/trunk-specs';
import type { TwilioNumberIndex } from './twilio-number-index';
import type { ReferenceResolver } from '../references/document-reference';
import { planTrunkAuthLists } from './plan-trunk-auth-lists';

type TwilioTrunkState = Extract<RemoteState, { kind: 'TwilioTrunk' }>;

export interface TwilioTrunkPlanContext {
  account: string;
  numbers?: TwilioNumberIndex | undefined;
  trunkNames?: ReadonlyMap<string, string | null> | undefined;
  references?: ReferenceResolver | undefined;
  signal?: AbortSignal | undefined;
}

const recordingSchema = KIND_SCHEMAS.TwilioTrunk.definitions?.spec?.properties?.recording?.properties ?? {};
/** What a new trunk records (the schema's documented defaults): a create plans recording only when the file differs. */
const NEW_TRUNK_RECORDING: Recording = {
  mode: (recordingSchema.mode?.default as string | undefined) ?? 'do-not-record',
  trim: (recordingSchema.trim?.default as string | undefined) ?? 'do-not-trim',
};

/**
 * Operations that make the trunk match the spec, in the fixed order: create, fields,
 * recording, origination URLs (add, change, remove), attach numbers (moves included), detach
 * numbers, link termination lists, unlink them. `state` is undefined when the trunk does not exist yet.
 */
export async function planTwilioTrunk(spec: TwilioTrunkSpec, state: TwilioTrunkState | undefined, context: TwilioTrunkPlanContext): Promise<KindPlan<PlanOperation>> {
  const operations: PlanOperation[] = [];
  const errors: PlanError[] = [];
  const trunk = state?.remote.trunk;

  if (!trunk) {
    const fields = pickFields<TrunkFields>(spec, TRUNK_WRITABLE_FIELDS);
    const label = spec.domain_name ?? (spec.friendly_name ? JSON.stringify(spec.friendly_name) : '(no domain name)');
    operations.push({ type: 'twilio.trunk.create', fields, description: `Create Twilio trunk ${label}`, changes: fieldChanges(TRUNK_WRITABLE_FIELDS, undefined, spec as Record<string, unknown>, matchesDesired) });
  } else {
    const changes = fieldChanges(TRUNK_WRITABLE_FIELDS, trunk, spec as Record<string, unknown>, matchesDesired);
    if (changes.length > 0) {
      const fields = Object.fromEntries(changes.map((c) => [c.field, c.to])) as TrunkFields;
      operations.push({ type: 'twilio.trunk.update', fields, description: `Update trunk fields: ${changes.map((c) => c.field).join(', ')}`, changes });
    }
  }

  if (spec.recording) {
    const current = state ? (state.remote.recording ?? trunk?.recording ?? null) : NEW_TRUNK_RECORDING;
    const changes = fieldChanges(['mode', 'trim'], current ?? {}, spec.recording as Record<string, unknown>, matchesDesired, 'recording.');
    if (changes.length > 0) {
      const fields = Object.fromEntries(changes.map((c) => [c.field.slice('recording.'.length), c.to])) as RecordingFields;
      operations.push({ type: 'twilio.recording.update', fields, description: 'Update recording', changes });
    }
  }

  if (spec.origination_urls) {
    if (state && !state.originationUrlsFetched) throw new Error('The origination URLs of this trunk were not fetched; they cannot be planned.');
    operations.push(...planOriginationUrls(spec.origination_urls, state?.remote.originationUrls ?? []));
  }

  if (spec.phone_numbers) {
    const planned = await planNumbers(spec.phone_numbers, state, context);
    operations.push(...planned.operations);
    errors.push(...planned.errors);
  }

  const lists = planTrunkAuthLists(spec, state?.remote, context.references);
  operations.push(...lists.operations);
  errors.push(...lists.errors);
  return { operations, errors, warnings: [] };
}

function planOriginationUrls(desired: readonly OriginationUrlFields[], remote: readonly OriginationUrl[]): PlanOperation[] {
  const creates: PlanOperation[] = [];
  const updates: PlanOperation[] = [];
  const unmatched = [...remote];
  for (const url of desired) {
    const at = unmatched.findIndex((r) => (r.sip_url ?? '').toLowerCase() === url.sip_url.toLowerCase());
    if (at < 0) {
      const changes = fieldChanges(ORIGINATION_URL_WRITABLE_FIELDS, undefined, url as unknown as Record<string, unknown>, matchesDesired);
      creates.push({ type: 'twilio.originationUrl.create', fields: url, description: `Add origination URL ${url.sip_url}`, changes });
      continue;
    }
    const [match] = unmatched.splice(at, 1) as [OriginationUrl];
    const changes = fieldChanges(ORIGINATION_URL_WRITABLE_FIELDS, match, url as unknown as Record<string, unknown>, matchesDesired);
    if (changes.length === 0) continue;
    const fields = Object.fromEntries(changes.map((c) => [c.field, c.to])) as Partial<OriginationUrlFields>;
    updates.push({ type: 'twilio.originationUrl.update', sid: match.sid, sipUrl: match.sip_url ?? url.sip_url, fields, description: `Update origination URL ${url.sip_url}`, changes });
  }
  const deletes: PlanOperation[] = [...unmatched]
    .sort((a, b) => ((a.sip_url ?? '') < (b.sip_url ?? '') ? -1 : 1))
    .map((r) => ({ type: 'twilio.originationUrl.delete', sid: r.sid, sipUrl: r.sip_url ?? r.sid, description: `Remove origination URL ${r.sip_url ?? r.sid}`, changes: [], remote: r }));
  // Adding before removing: the trunk never goes without a place to send calls.
  return [...creates, ...updates, ...deletes];
}

async function planNumbers(desired: readonly string[], state: TwilioTrunkState | undefined, context: TwilioTrunkPlanContext): Promise<KindPlan<PlanOperation>> {
  const attached = new Map<string, string>();
  for (const n of state?.remote.phoneNumbers ?? []) if (n.phone_number) attached.set(n.phone_number, n.sid);
  const attaches: PlanOperation[] = [];
  const errors: PlanError[] = [];
  for (const [i, number] of desired.entries()) {
    if (attached.has(number)) continue;
    if (!context.numbers) throw new Error('Planning phone_numbers needs the account\'s number index (PlanContext.numbers).');
    const owned = await context.numbers.lookup(number, context.signal);
    if (!owned) {
      errors.push({
        message: `${number} is not a phone number of account ${context.account}. Buy or port it in Twilio first, or remove it from phone_numbers.`,
        path: ['spec', 'phone_numbers', i],
      });
      continue;
    }
    const other = owned.trunk_sid && owned.trunk_sid !== state?.sid ? owned.trunk_sid : undefined;
    if (!other) {
      attaches.push({ type: 'twilio.number.attach', phoneNumber: number, phoneNumberSid: owned.sid, description: `Attach ${number}`, changes: [] });
      continue;
    }
    const move: NumberMove = { fromTrunkSid: other, fromTrunkName: context.trunkNames?.get(other) };
    const from = `trunk ${other}${move.fromTrunkName ? ` ${JSON.stringify(move.fromTrunkName)}` : ''}`;
    attaches.push(
      { type: 'twilio.number.detach', phoneNumber: number, phoneNumberSid: owned.sid, move, description: `Detach ${number} from ${from} (moving it to this trunk)`, changes: [] },
      { type: 'twilio.number.attach', phoneNumber: number, phoneNumberSid: owned.sid, move, description: `Attach ${number} (moved from ${from})`, changes: [] },
    );
  }
  const wanted = new Set(desired);
  const detaches: PlanOperation[] = [...attached]
    .filter(([number]) => !wanted.has(number))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([number, sid]) => ({ type: 'twilio.number.detach', phoneNumber: number, phoneNumberSid: sid, description: `Detach ${number}`, changes: [] }));
  return { operations: [...attaches, ...detaches], errors, warnings: [] };
}
