import type { SipCredential, SipCredentialList, Trunk, TrunkAuthList } from '../../../core/providers/twilio/models';
import { collect } from '../../../core/providers/page';
import { t } from '../../l10n';
import { pickCredentialList } from '../../pickers/pick-sip-auth-list';
import type { ResourceKindDescriptor } from '../resource-kind';
import { tooltipFieldsOf } from './sip-auth-list-fields';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    credential: { list: SipCredentialList | TrunkAuthList; credential: SipCredential; via?: Trunk | undefined };
  }
}

/** A username (CR…) in a credential list; its password is never read back (Twilio never returns it). */
export const credentialKind: ResourceKindDescriptor<'credential'> = {
  kind: 'credential',
  displayName: () => t('SIP credential'),
  provider: 'twilio',
  sid: (ref) => ref.credential.sid,
  label: (ref) => ref.credential.username || ref.credential.sid,
  record: (ref) => ref.credential,
  change: (ref) => ({ account: ref.account.name, kind: 'TwilioTrunk', sid: ref.via?.sid ?? ref.list.sid }),
  place: (ref) =>
    ref.via
      ? { folder: { accountId: ref.account.id, folder: 'termination', trunkSid: ref.via.sid }, sids: [ref.list.sid, ref.credential.sid] }
      : { folder: { accountId: ref.account.id, folder: 'credentialLists' }, sids: [ref.list.sid, ref.credential.sid] },
  async pick(ctx, account, title) {
    const list = await pickCredentialList(ctx, account, title);
    const client = await ctx.connections.twilio(account);
    const credential = await ctx.input.pick(
      collect(client.credentials.list(list.sid, { pageSize: 1000 })).then((all) => all.map((c) => ({ label: c.username || c.sid, description: c.sid, value: c }))),
      { title, placeholder: t('Choose a username') },
    );
    return { kind: 'credential', account, list, credential };
  },
  rename: { refused: () => t('Twilio cannot rename a username: add a credential with the new username, then remove this one.') },
  edit: { refused: () => t('Only the password of a credential can change: use "Set Credential Password…".') },
  delete: {
    consequence: async (_connections, ref) => t('PBXs that sign in as "{0}" can no longer send calls to the trunks that link "{1}".', credentialKind.label(ref), ref.list.friendly_name || ref.list.sid),
    async remove(connections, ref, signal) {
      return (await connections.twilio(ref.account)).credentials.delete(ref.list.sid, ref.credential.sid, { signal });
    },
  },
  console: { link: () => ({ kind: 'credentialList' }), inPalette: false },
  tree: {
    icon: () => 'person',
    description: () => undefined,
    tooltip: (ref) => ({ title: credentialKind.label(ref), fields: tooltipFieldsOf(ref.credential) }),
    contextValue: 'trunkline:credential.deletable',
    console: false,
    collapsible: 'none',
  },
};
