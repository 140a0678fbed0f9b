import trunkSchema from '../../../../schemas/twilio-trunk.schema.json';
import { collect } from '../../../core/providers/page';
import { FRIENDLY_NAME_MAX } from '../../../core/providers/twilio/field-names';
import type { OriginationUrl, Trunk } from '../../../core/providers/twilio/models';
import { t } from '../../l10n';
import { pickTrunk } from '../../pickers/pick-trunk';
import { fieldsFromSchema, type SchemaWithDefinitions } from '../editable-fields';
import type { ResourceKindDescriptor } from '../resource-kind';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    originationUrl: { trunk: Trunk; url: OriginationUrl };
  }
}

/** Where Twilio sends a trunk's inbound calls; a change to it is a change to its trunk's file. */
export const originationUrlKind: ResourceKindDescriptor<'originationUrl'> = {
  kind: 'originationUrl',
  displayName: () => t('origination URL'),
  provider: 'twilio',
  sid: (ref) => ref.url.sid,
  label: (ref) => ref.url.friendly_name || ref.url.sip_url || ref.url.sid,
  record: (ref) => ref.url,
  change: (ref) => ({ account: ref.account.name, kind: 'TwilioTrunk', sid: ref.trunk.sid }),
  place: (ref) => ({ folder: { accountId: ref.account.id, folder: 'originationUrls', trunkSid: ref.trunk.sid }, sids: [ref.url.sid] }),
  async pick(ctx, account, title) {
    const trunk = await pickTrunk(ctx, account, title);
    const client = await ctx.connections.twilio(account);
    const url = await ctx.input.pick(
      collect(client.originationUrls.list(trunk.sid)).then((list) =>
        list.map((u) => ({ label: u.friendly_name || u.sid, description: u.sip_url ?? undefined, value: u })),
      ),
      { title, placeholder: t('Choose an origination URL') },
    );
    return { kind: 'originationUrl', account, trunk, url };
  },
  rename: { key: 'friendly_name', maxLength: FRIENDLY_NAME_MAX },
  edit: {
    fields: () => fieldsFromSchema(trunkSchema as SchemaWithDefinitions, 'originationUrl'),
    async update(connections, ref, fields, signal) {
      const client = await connections.twilio(ref.account);
      return { ...ref, url: await client.originationUrls.update(ref.trunk.sid, ref.url.sid, fields, { signal }) };
    },
  },
  delete: {
    consequence: async (_connections, ref) => t('Twilio stops sending calls of "{0}" to {1}.', ref.trunk.friendly_name ?? ref.trunk.sid, ref.url.sip_url ?? ''),
    async remove(connections, ref, signal) {
      return (await connections.twilio(ref.account)).originationUrls.delete(ref.trunk.sid, ref.url.sid, { signal });
    },
  },
  console: { link: (ref) => ({ kind: 'originationUrl', trunkSid: ref.trunk.sid }), inPalette: false },
  tree: {
    icon: (ref) => (ref.url.enabled === false ? 'circle-slash' : 'arrow-right'),
    description: ({ url: u }) => `${u.sip_url ?? ''} · ${t('priority {0}, weight {1}', u.priority, u.weight)}${u.enabled === false ? ` · ${t('disabled')}` : ''}`,
    tooltip: ({ url: u }) => ({
      title: u.friendly_name || u.sid,
      fields: [
        ['sid', u.sid],
        ['sip_url', u.sip_url],
        ['priority', u.priority],
        ['weight', u.weight],
        ['enabled', u.enabled],
        ['date_updated', u.date_updated],
      ],
    }),
    contextValue: 'trunkline:originationUrl.editable.deletable',
    console: false,
    collapsible: 'none',
  },
};
