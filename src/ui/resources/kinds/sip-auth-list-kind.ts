import type { Account } from '../../../core/accounts/account';
import { errorLine } from '../../../core/http/provider-error';
import type { SipCredentialList, SipIpAccessControlList, Trunk, TrunkAuthList } from '../../../core/providers/twilio/models';
import type { TwilioClient } from '../../../core/providers/twilio/twilio-client';
import { trunksLinkingList } from '../../../core/providers/twilio/trunks-linking-list';
import { t } from '../../l10n';
import type { PickContext } from '../../pickers/pick-trunk';
import type { ResourceChange } from '../../resource-change-bus';
import { PartlyDoneError } from '../partly-done-error';
import { refuseUnconfirmed } from '../unconfirmed-dependents-error';
import type { ResourceKindDescriptor } from '../resource-kind';
import type { RefOf } from '../resource-ref';
import { sipAuthListNameField, tooltipFieldsOf } from './sip-auth-list-fields';

type SipAuthListKind = 'credentialList' | 'ipAccessControlList';

/** Both kinds' references, seen alike (TypeScript does not narrow RefOf<K> for a generic K). */
interface SipAuthListRef {
  account: Account;
  list: SipCredentialList | SipIpAccessControlList | TrunkAuthList;
  via?: Trunk | undefined;
}
const listRef = (ref: unknown): SipAuthListRef => ref as SipAuthListRef;

/** What tells an IP access control list from a credential list; the rest of their descriptors is one. */
export interface SipAuthListKindSpec<K extends SipAuthListKind> {
  kind: K;
  displayName: () => string;
  folder: 'credentialLists' | 'ipAccessControlLists';
  maxLength: number;
  icon: string;
  pick(ctx: PickContext, account: Account, title: string): Promise<SipCredentialList | SipIpAccessControlList>;
  /** The account-level API of the lists. */
  lists(client: TwilioClient): {
    update(sid: string, name: string, options: { signal?: AbortSignal | undefined }): Promise<SipCredentialList | SipIpAccessControlList>;
    delete(sid: string, options: { signal?: AbortSignal | undefined }): Promise<unknown>;
    findByFriendlyName(name: string, options: { signal?: AbortSignal | undefined }): Promise<(SipCredentialList | SipIpAccessControlList)[]>;
  };
  /** The trunk-level API of the links. */
  links(client: TwilioClient): { remove(trunkSid: string, listSid: string, options: { signal?: AbortSignal | undefined }): Promise<unknown> };
}

/**
 * An account's SIP auth list (IP access control list AL…, credential list CL…): shown below its
 * account and below each trunk's Termination (`via`), renamed through its one editable field,
 * and deleted after unlinking the trunks that use it (Twilio refuses a linked list).
 */
export function sipAuthListKind<K extends SipAuthListKind>(spec: SipAuthListKindSpec<K>): ResourceKindDescriptor<K> {
  const refOf = (account: Account, list: SipCredentialList | SipIpAccessControlList) => ({ kind: spec.kind, account, list }) as unknown as RefOf<K>;
  return {
    kind: spec.kind,
    displayName: spec.displayName,
    provider: 'twilio',
    sid: (ref) => listRef(ref).list.sid,
    label: (ref) => listRef(ref).list.friendly_name || listRef(ref).list.sid,
    record: (ref) => listRef(ref).list,
    // No trunk-file kind describes these lists yet (issue 14, trunk files), and ResourceChange
    // takes only trunk-file kinds: a change below a trunk is its trunk's, one at the account is
    // announced with the list's sid, which no document has.
    change: (ref) => ({ account: listRef(ref).account.name, kind: 'TwilioTrunk', sid: listRef(ref).via?.sid ?? listRef(ref).list.sid }),
    place: (ref) => {
      const { via, list } = listRef(ref);
      return via
        ? { folder: { accountId: listRef(ref).account.id, folder: 'termination', trunkSid: via.sid }, sids: [list.sid] }
        : { folder: { accountId: listRef(ref).account.id, folder: spec.folder }, sids: [list.sid] };
    },
    async pick(ctx, account, title) {
      return refOf(account, await spec.pick(ctx, account, title));
    },
    rename: {
      key: 'friendly_name',
      maxLength: spec.maxLength,
      // As Create refuses it: trunk files name lists, and two of a name would be ambiguous.
      async taken(connections, ref, name, signal) {
        const same = await spec.lists(await connections.twilio(listRef(ref).account)).findByFriendlyName(name, { signal });
        return same.some((l) => l.sid !== listRef(ref).list.sid) ? t('The account already has a list named "{0}".', name) : undefined;
      },
    },
    edit: {
      fields: () => sipAuthListNameField(spec.maxLength),
      async update(connections, ref, fields, signal) {
        const client = await connections.twilio(listRef(ref).account);
        return refOf(listRef(ref).account, await spec.lists(client).update(listRef(ref).list.sid, String(fields['friendly_name']), { signal }));
      },
    },
    delete: {
      async consequence(connections, ref) {
        const trunks = await trunksLinkingList(await connections.twilio(listRef(ref).account), spec.kind, listRef(ref).list.sid);
        if (trunks.length === 0) return { text: '', dependents: [] };
        return { text: t('These trunks use it and are unlinked from it first: {0}.', trunks.map((tr) => `"${tr.friendly_name || tr.sid}"`).join(', ')), dependents: trunks.map((tr) => tr.sid) };
      },
      async remove(connections, ref, signal, confirmed) {
        const client = await connections.twilio(listRef(ref).account);
        const sid = listRef(ref).list.sid;
        // Twilio refuses to delete a list a trunk still links (the emulator is as strict).
        const linking = await trunksLinkingList(client, spec.kind, sid, signal);
        // A trunk a colleague linked after the confirmation is not unlinked unnamed.
        refuseUnconfirmed(linking, confirmed, (tr) => tr.sid, (tr) => `"${tr.friendly_name || tr.sid}"`, (names) =>
          t('These trunks linked it after you confirmed, and would be unlinked from it too: {0}.', names),
        );
        const unlinked: Trunk[] = [];
        const changes: ResourceChange[] = [];
        try {
          for (const trunk of linking) {
            await spec.links(client).remove(trunk.sid, sid, { signal });
            unlinked.push(trunk);
            changes.push({ account: listRef(ref).account.name, kind: 'TwilioTrunk', sid: trunk.sid });
          }
          await spec.lists(client).delete(sid, { signal });
        } catch (e) {
          if (unlinked.length === 0) throw e;
          // Never half-applied without saying so: which trunks no longer link it, which still do.
          const why = errorLine(e);
          const names = (trunks: readonly Trunk[]) => trunks.map((tr) => `"${tr.friendly_name || tr.sid}"`).join(', ');
          const left = linking.filter((tr) => !unlinked.includes(tr));
          throw new PartlyDoneError(
            `${t('Deleting "{0}" stopped: {1}. The list was not deleted. These trunks no longer link it: {2}.', listRef(ref).list.friendly_name || sid, why, names(unlinked))}${
              left.length > 0 ? ` ${t('These still link it: {0}.', names(left))}` : ''
            } ${t('Delete it again to finish, or link it again with "Link Lists to Trunk…".')}`,
            changes,
            { cause: e },
          );
        }
        return changes;
      },
    },
    console: { link: () => ({ kind: spec.kind }), inPalette: true },
    tree: {
      icon: () => spec.icon,
      description: (ref) => (listRef(ref).via ? t('linked') : undefined),
      tooltip: (ref) => ({ title: listRef(ref).list.friendly_name || listRef(ref).list.sid, fields: tooltipFieldsOf(listRef(ref).list) }),
      contextValue: `trunkline:${spec.kind}.editable.deletable`,
      console: true,
      collapsible: 'collapsed',
    },
  } as ResourceKindDescriptor<K>;
}
