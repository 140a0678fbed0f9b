import type { Account } from '../../../core/accounts/account';
import trunkSchema from '../../../../schemas/twilio-trunk.schema.json';
import { collect } from '../../../core/providers/page';
import { FRIENDLY_NAME_MAX } from '../../../core/providers/twilio/field-names';
import { t } from '../../l10n';
import { pickTrunk } from '../../pickers/pick-trunk';
import { fieldsFromSchema, type SchemaWithDefinitions } from '../editable-fields';
import { resourceTreeId, type ResourcePlace } from '../../tree/tree-ids';
import type { ResourceKindDescriptor } from '../resource-kind';
import { refuseUnconfirmed } from '../unconfirmed-dependents-error';
import { trunkDisplayName } from '../../../core/providers/twilio/trunk-names';

/** A Twilio Elastic SIP trunk: numbers and origination URLs below it, recording in its tooltip. */
export const trunkKind: ResourceKindDescriptor<'trunk'> = {
  kind: 'trunk',
  displayName: () => t('Elastic SIP trunk'),
  provider: 'twilio',
  sid: (ref) => ref.trunk.sid,
  label: (ref) => trunkDisplayName(ref.trunk),
  record: (ref) => ref.trunk,
  change: (ref) => ({ account: ref.account.name, kind: 'TwilioTrunk', sid: ref.trunk.sid }),
  place: (ref) => trunkPlace(ref.account, ref.trunk.sid),
  pick: async (ctx, account, title) => ({ kind: 'trunk', account, trunk: await pickTrunk(ctx, account, title) }),
  rename: { key: 'friendly_name', maxLength: FRIENDLY_NAME_MAX },
  edit: {
    fields: () => fieldsFromSchema(trunkSchema as SchemaWithDefinitions, 'spec'),
    async update(connections, ref, fields, signal) {
      const client = await connections.twilio(ref.account);
      return { ...ref, trunk: await client.trunks.update(ref.trunk.sid, fields, { signal }) };
    },
  },
  delete: {
    async consequence(connections, ref) {
      const client = await connections.twilio(ref.account);
      const numbers = await collect(client.trunkPhoneNumbers.list(ref.trunk.sid, { pageSize: 1000 }));
      const domain = ref.trunk.domain_name ? `${ref.trunk.domain_name}. ` : '';
      if (numbers.length === 0) return { text: `${domain}${t('No phone numbers are attached.')}`, dependents: [] };
      const list = numbers.slice(0, 5).map((n) => n.phone_number).join(', ');
      return {
        text: `${domain}${t('It frees {0} phone number(s): {1}{2}; calls to them will no longer reach this trunk.', numbers.length, list, numbers.length > 5 ? '…' : '')}`,
        dependents: numbers.map((n) => n.sid),
      };
    },
    async remove(connections, ref, signal, confirmed) {
      const client = await connections.twilio(ref.account);
      if (confirmed) {
        // A number a colleague attached after the confirmation is not freed unnamed.
        const numbers = await collect(client.trunkPhoneNumbers.list(ref.trunk.sid, { pageSize: 1000, signal }));
        refuseUnconfirmed(numbers, confirmed, (n) => n.sid, (n) => n.phone_number ?? n.sid, (names) =>
          t('These numbers were attached to it after you confirmed, and would be freed too: {0}.', names),
        );
      }
      return client.trunks.delete(ref.trunk.sid, { signal });
    },
  },
  console: { link: (ref) => ({ kind: 'trunk', sid: ref.trunk.sid }), inPalette: true },
  tree: {
    icon: (ref) => (ref.trunk.secure ? 'lock' : 'server'),
    description: (ref, numbers) => [ref.trunk.domain_name, numbers].filter(Boolean).join(' · '),
    tooltip: ({ trunk: tr }) => ({
      title: tr.friendly_name || tr.sid,
      fields: [
        ['sid', tr.sid],
        ['domain_name', tr.domain_name],
        ['secure', tr.secure],
        ['transfer_mode', tr.transfer_mode],
        ['transfer_caller_id', tr.transfer_caller_id],
        ['cnam_lookup_enabled', tr.cnam_lookup_enabled],
        ['disaster_recovery_url', tr.disaster_recovery_url],
        ['disaster_recovery_method', tr.disaster_recovery_method],
        ['recording.mode', tr.recording?.mode],
        ['recording.trim', tr.recording?.trim],
        ['auth_type', tr.auth_type],
        ['symmetric_rtp_enabled', tr.symmetric_rtp_enabled],
        ['date_created', tr.date_created],
        ['date_updated', tr.date_updated],
      ],
    }),
    contextValue: 'trunkline:trunk.twilio.editable.deletable.exportable',
    console: true,
    collapsible: 'collapsed',
  },
};

function trunkPlace(account: Account, trunkSid: string): ResourcePlace {
  return { folder: { accountId: account.id, folder: 'trunks' }, sids: [trunkSid] };
}

/** The id of a trunk's row when only its sid is known (a trunk a number was moved away from). */
export function trunkTreeId(account: Account, trunkSid: string): string {
  return resourceTreeId(trunkPlace(account, trunkSid));
}
