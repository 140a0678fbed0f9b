import type { Account } from '../core/accounts/account';
import { errorLine } from '../core/http/provider-error';
import { fromCarrierXNumber } from '../core/providers/carrierx/carrierx-number';
import { attachNumberSurely } from '../core/providers/twilio/attach-number-surely';
import { collect } from '../core/providers/page';
import type { TwilioClient } from '../core/providers/twilio/twilio-client';
import type { CommandContext } from './commands/command';
import { t } from './l10n';
import { trunkTreeId } from './resources/kinds/trunk';
import { folderIdOf } from './resources/resource-kinds';
import type { RefOf } from './resources/resource-ref';
import { DidNode } from './tree/did-node';
import { DidsNode } from './tree/dids-node';
import { IncomingNumberNode } from './tree/incoming-number-node';
import { NumberInventoryNode } from './tree/number-inventory-node';
import { folderTreeId, resourceTreeId } from './tree/tree-ids';
import { fetchTrunkNames, trunkDisplayName } from '../core/providers/twilio/trunk-names';

/** A number of the inventory, Twilio's or CarrierX's, as the assignment commands handle it. */
export type InventoryRef = RefOf<'incomingNumber'> | RefOf<'did'>;

/** Where numbers go: a Twilio trunk, a CarrierX trunk group, or nowhere (unassign). */
export interface AssignmentTarget {
  sid: string;
  name: string;
}

export function numberOf(ref: InventoryRef): string {
  return ref.kind === 'incomingNumber' ? ref.number.phone_number : fromCarrierXNumber(ref.did.phonenumber);
}

/** The trunk or trunk group the number is on, or null. */
export function placeOf(ref: InventoryRef): AssignmentTarget | null {
  if (ref.kind === 'incomingNumber') return ref.number.trunk_sid ? { sid: ref.number.trunk_sid, name: ref.trunkName ?? ref.number.trunk_sid } : null;
  return ref.did.trunk_group_sid ? { sid: ref.did.trunk_group_sid, name: ref.groupName ?? ref.did.trunk_group_sid } : null;
}

/**
 * The numbers a command was started on: the clicked number with the rest of the tree's
 * selection (same account and provider), else none (the command asks).
 */
export function numbersFromTree(node: unknown, selection: unknown): InventoryRef[] {
  if (!(node instanceof IncomingNumberNode || node instanceof DidNode)) return [];
  const first = node.ref;
  const selected = (Array.isArray(selection) ? selection : [])
    .filter((s): s is IncomingNumberNode | DidNode => s instanceof IncomingNumberNode || s instanceof DidNode)
    .map((s) => s.ref)
    .filter((ref) => ref.kind === first.kind && ref.account.id === first.account.id);
  const refs = selected.some((r) => sidOfNumber(r) === sidOfNumber(first)) ? selected : [first, ...selected];
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(sidOfNumber(r)) && seen.add(sidOfNumber(r)));
}

function sidOfNumber(ref: InventoryRef): string {
  return ref.kind === 'incomingNumber' ? ref.number.sid : ref.did.did_sid;
}

/** The inventory folder a command was started on (its Twilio or CarrierX numbers), if any. */
export function inventoryFolderOf(node: unknown): { account: Account; provider: 'twilio' | 'carrierx' } | undefined {
  if (node instanceof NumberInventoryNode) return { account: node.account, provider: 'twilio' };
  if (node instanceof DidsNode) return { account: node.account, provider: 'carrierx' };
  return undefined;
}

/** From the palette: which of the sandbox's two inventories, then the numbers. */
export async function pickProvider(ctx: CommandContext, account: Account, title: string): Promise<'twilio' | 'carrierx'> {
  if (account.provider !== 'sandbox') return account.provider;
  return ctx.input.pick(
    [
      { label: t('Twilio phone numbers'), value: 'twilio' as const },
      { label: t('CarrierX phone numbers'), value: 'carrierx' as const },
    ],
    { title, placeholder: t('Which numbers?') },
  );
}

/** A multi-select of the inventory's numbers (`keep` says which to offer), each with where it is now. */
export function pickNumbers(ctx: CommandContext, account: Account, provider: 'twilio' | 'carrierx', title: string, keep: (ref: InventoryRef) => boolean): Promise<InventoryRef[]> {
  const items = loadInventory(ctx, account, provider).then((refs) =>
    refs.filter(keep).map((ref) => {
      const place = placeOf(ref);
      return {
        label: numberOf(ref),
        description: place ? t('on "{0}"', place.name) : provider === 'twilio' ? t('not on a trunk') : t('unassigned'),
        value: ref,
      };
    }),
  );
  return ctx.input.pickMany(items, { title, placeholder: t('Numbers (type to filter)'), matchOnDescription: true });
}

/** Every number of one inventory, for a multi-select (with where each is). */
export async function loadInventory(ctx: CommandContext, account: Account, provider: 'twilio' | 'carrierx'): Promise<InventoryRef[]> {
  if (provider === 'twilio') {
    const client = await ctx.connections.twilio(account);
    const [numbers, trunks] = await Promise.all([collect(client.incomingPhoneNumbers.list({ pageSize: 1000 })), collect(client.trunks.list({ pageSize: 1000 }))]);
    const names = new Map(trunks.map((tr) => [tr.sid, trunkDisplayName(tr)]));
    return numbers.map((number) => ({ kind: 'incomingNumber', account, number, trunkName: number.trunk_sid ? names.get(number.trunk_sid) : undefined }));
  }
  const client = await ctx.connections.carrierx(account);
  const [dids, groups] = await Promise.all([collect(client.dids.list({ pageSize: 1000 })), collect(client.trunkGroups.list({ pageSize: 1000 }))]);
  const names = new Map(groups.map((g) => [g.trunk_group_sid, g.name || g.trunk_group_sid]));
  return dids.map((did) => ({ kind: 'did', account, did, groupName: did.trunk_group_sid ? names.get(did.trunk_group_sid) : undefined }));
}

export interface AssignmentResult {
  done: string[];
  failed: { number: string; reason: string }[];
}

/**
 * Puts each number on `target` (moving it off any other trunk or group), or off its trunk or
 * group when `target` is null: one request per number (two for a Twilio move: detach, attach),
 * in order, stopping at cancellation; a failure is reported per number, the rest go on.
 */
export async function applyAssignment(ctx: CommandContext, refs: readonly InventoryRef[], target: AssignmentTarget | null): Promise<AssignmentResult> {
  const done: string[] = [];
  const failed: { number: string; reason: string }[] = [];
  const account = refs[0]!.account;
  const title = target ? t('Assigning numbers to "{0}"…', target.name) : t('Unassigning numbers…');
  try {
    await ctx.workbench.withProgress(title, async (report, signal) => {
      for (const [i, ref] of refs.entries()) {
        if (signal.aborted) break;
        const number = numberOf(ref);
        report(`${number} (${i + 1}/${refs.length})`);
        try {
          // Where the number is now, against where the user saw it (and confirmed moving it
          // from): a number someone moved elsewhere meanwhile is left there and reported, never
          // taken off a trunk or group the user was not shown.
          const seen = placeOf(ref)?.sid ?? null;
          const wanted = target?.sid ?? null;
          if (ref.kind === 'incomingNumber') {
            const client = await ctx.connections.twilio(account);
            const now = (await client.incomingPhoneNumbers.fetch(ref.number.sid, { signal })).trunk_sid ?? null;
            if (now !== wanted) {
              if (now !== null && now !== seen) throw new Error(movedMeanwhile((await fetchTrunkNames(client, [now], signal)).get(now)!));
              if (now) await client.trunkPhoneNumbers.detach(now, ref.number.sid, { signal });
              if (target) await attachChecked(client, target, ref.number.sid, now === null ? null : (placeOf(ref)?.name ?? now), signal);
            }
          } else {
            const client = await ctx.connections.carrierx(account);
            const now = (await client.dids.fetch(ref.did.did_sid, { signal })).trunk_group_sid ?? null;
            if (now !== wanted) {
              if (now !== null && now !== seen) throw new Error(movedMeanwhile((await client.trunkGroups.fetch(now, { signal }).catch(() => undefined))?.name || now));
              // A PATCH of the group is idempotent: the client may retry it safely.
              await client.dids.assign(ref.did.did_sid, wanted, { signal });
            }
          }
          done.push(number);
        } catch (e) {
          if (signal.aborted) break;
          failed.push({ number, reason: errorLine(e) });
        }
      }
    });
  } finally {
    announce(ctx, refs, target);
  }
  return { done, failed };
}

/** Every trunk or group a number left or joined changed (documents re-check), and their rows and the inventory reload. */
function announce(ctx: CommandContext, refs: readonly InventoryRef[], target: AssignmentTarget | null): void {
  const account = refs[0]!.account;
  const twilio = refs[0]!.kind === 'incomingNumber';
  const places = new Set([...refs.map((r) => placeOf(r)?.sid), target?.sid].filter((s): s is string => s !== undefined));
  for (const sid of places) ctx.resourceChanges.fire({ account: account.name, kind: twilio ? 'TwilioTrunk' : 'CarrierXTrunkGroup', sid });
  for (const sid of places) {
    ctx.explorer.refreshById(
      twilio ? trunkTreeId(account, sid) : resourceTreeId({ folder: { accountId: account.id, folder: 'trunkGroups' }, sids: [sid] }),
    );
  }
  for (const id of new Set(refs.map((r) => folderIdOf(r)))) ctx.explorer.refreshById(id);
  ctx.explorer.refreshById(folderTreeId({ accountId: account.id, folder: twilio ? 'numberInventory' : 'dids' }));
  ctx.explorer.numbers.forget(account.id);
}

/** "Assigned 3 number(s) to "Edge"." or which failed and why. */
export function reportAssignment(ctx: CommandContext, result: AssignmentResult, total: number, target: AssignmentTarget | null): void {
  if (result.failed.length === 0) {
    void ctx.workbench.info(
      target ? t('Assigned {0} number(s) to "{1}".', result.done.length, target.name) : t('Unassigned {0}.', result.done.join(', ')),
    );
    return;
  }
  const failures = result.failed.map((f) => `${f.number}: ${f.reason}`).join('; ');
  void ctx.workbench.warn(
    target ? t('Assigned {0} of {1} number(s) to "{2}"; failed: {3}', result.done.length, total, target.name, failures) : t('Unassigned {0} of {1} number(s); failed: {2}', result.done.length, total, failures),
  );
}

/** The number was moved to another trunk or group after the user saw where it was. */
function movedMeanwhile(name: string): string {
  return t('it was moved to "{0}" meanwhile (not by this command) and was left there; run the command again to move it from there.', name);
}


/**
 * Attaches a number just detached from `from` (or on no trunk), looking it up after a lost
 * answer or a 5xx (attachNumberSurely). A failure says that the number is now on no trunk when
 * it was taken off one.
 */
async function attachChecked(client: TwilioClient, target: AssignmentTarget, numberSid: string, from: string | null, signal: AbortSignal): Promise<void> {
  try {
    await attachNumberSurely(client, target.sid, numberSid, signal);
  } catch (e) {
    throw from ? new Error(t('it was taken off "{0}" but attaching it to "{1}" failed ({2}): it is on no trunk now; assign it again.', from, target.name, errorLine(e))) : e;
  }
}
