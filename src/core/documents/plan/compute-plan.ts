import type { DocumentPlan, PlanOutcome, PlanRefusal } from './document-plan';
import type { TrunkDocument } from '../file/parse-trunk-file';
import { plural } from './message-text';
import type { KindPlan, PlanError } from './plan-error';
import { documentKind } from '../kinds/document-kinds';
import type { PlanOperation } from './plan-operations';
import { compareFingerprints, remoteFingerprint, type RemoteFingerprint } from '../sync/remote-fingerprint';
import type { RemoteLookup, RemoteState, RemoteTarget, RemoteTargetOf, SameNamedResource } from './remote-state';
import { specNamesOf } from '../file/spec-names';
import type { TrunkKind } from '../file/trunk-kinds';
import type { TrunkSpec } from '../file/trunk-specs';
import type { CarrierXDidIndex } from './carrierx-did-index';
import type { TwilioNumberIndex } from './twilio-number-index';
import { locatePath, nodeSpan } from '../file/yaml-node-lookup';
import type { ReferenceResolver } from '../references/document-reference';

export interface PlanContext {
  /** The file the document is in (plans and sync state are keyed by it). */
  uri: string;
  /** The account's incoming numbers for this run: needed when a TwilioTrunk lists phone_numbers. */
  numbers?: TwilioNumberIndex | undefined;
  /** The account's CarrierX DIDs for this run: needed when a CarrierXTrunkGroup lists phone_numbers. */
  dids?: CarrierXDidIndex | undefined;
  /** Names of the account's trunks, when known, to name the trunk a number moves from. */
  trunkNames?: ReadonlyMap<string, string | null> | undefined;
  /** The remote version remembered at the document's last push or pull (SyncStateStore). */
  lastSynced?: RemoteFingerprint | undefined;
  /** Resolves the names the document's references give (the account's and the workspace's resources). */
  references?: ReferenceResolver | undefined;
  signal?: AbortSignal | undefined;
}

/** `Twilio trunk "Acme main"`: the kind and the best name the document or the remote gives. */
export function documentTitle(kind: TrunkKind | undefined, spec: TrunkSpec | undefined, sid?: string): string {
  if (!kind) return 'Document';
  const descriptor = documentKind(kind);
  const name = descriptor.identity.nameOf((spec ?? {}) as Record<string, unknown>);
  return `${descriptor.title} ${typeof name === 'string' ? JSON.stringify(name) : (sid ?? '(unnamed)')}`;
}

/** The document's value of its kind's unique key (a Twilio trunk's domain_name), when it has one. */
export function uniqueKeyValue(target: RemoteTarget): string | undefined {
  const key = documentKind(target.kind).identity.uniqueKey;
  const value = key ? (target.spec as Readonly<Record<string, unknown>>)[key.field] : undefined;
  return typeof value === 'string' && value ? value : undefined;
}

/** The valid document's fetch target, or undefined when it cannot be planned (invalid, no account). */
export function remoteTargetOf(document: TrunkDocument): RemoteTarget | undefined {
  if (!document.valid || !document.kind || !document.spec || !document.account) return undefined;
  return { kind: document.kind, spec: document.spec, account: document.account, sid: document.sid } as RemoteTarget;
}

export function refusal(uri: string, document: TrunkDocument, reason: PlanRefusal['reason'], message: string, extra: Partial<PlanRefusal> = {}): PlanOutcome {
  return {
    status: 'refused',
    refusal: {
      uri,
      index: document.index,
      kind: document.kind,
      account: document.account,
      sid: document.sid,
      title: documentTitle(document.kind, document.spec ?? (specNamesOf(document) as TrunkSpec), document.sid),
      reason,
      message,
      errors: [],
      ...extra,
    },
  };
}

/**
 * Plans one document against its remote state (fetchRemoteState / fetchRemoteStates).
 * `remote` undefined means nothing was looked up: a document without sid is created, one with
 * a sid is treated as missing. A document with errors is never planned; nor is one whose
 * remote is missing, or whose numbers the account does not own: the refusal says why.
 */
export async function computePlan(document: TrunkDocument, remote: RemoteLookup | undefined, context: PlanContext): Promise<PlanOutcome> {
  const target = remoteTargetOf(document);
  if (!target) {
    const errors = document.diagnostics.filter((d) => d.severity === 'error').length;
    const message = errors > 0 ? `This document has ${plural(errors, 'error')}; fix ${errors === 1 ? 'it' : 'them'} before pushing.` : 'This document cannot be pushed: it has no kind, account or spec.';
    return refusal(context.uri, document, 'invalid', message);
  }
  const title = documentTitle(target.kind, target.spec, target.sid);
  const lookup: RemoteLookup = remote ?? (target.sid ? { status: 'missing', sid: target.sid } : { status: 'new', sameName: [] });
  if (lookup.status === 'missing') {
    return refusal(
      context.uri,
      document,
      'remote-missing',
      `${title}${title.includes(lookup.sid) ? '' : ` (${lookup.sid})`} no longer exists in account ${target.account}: it was deleted outside Trunkline. Remove the sid line to create it again, or delete this document.`,
    );
  }
  const state = lookup.status === 'found' ? lookup.state : lookup.adopt;
  const adopting = state !== undefined && target.sid === undefined;
  const planned = await planKind(target, state, lookup.status === 'new' ? lookup.sameName : [], context);
  if (planned.errors.length > 0) {
    const errors = planned.errors.map((e) => locatePlanError(document, e));
    const first = errors[0]?.message ?? '';
    const more = errors.length > 1 ? ` (and ${plural(errors.length - 1, 'more problem')})` : '';
    return refusal(context.uri, document, 'plan-errors', `${first}${more}`, { errors });
  }
  const operations = planned.operations;
  if (adopting && state) {
    const unique = uniqueKeyValue(target);
    const why = unique ? `, which already owns ${unique},` : ', made by a push that stopped before writing its sid,';
    operations.unshift({ type: 'adopt', sid: state.sid, description: `Use the existing ${documentKind(target.kind).noun} ${state.sid}${why} and write its sid into the file`, changes: [] });
  }
  const fingerprint = state ? remoteFingerprint(state) : undefined;
  const drift = fingerprint && context.lastSynced && !adopting ? compareFingerprints(context.lastSynced, fingerprint) : undefined;
  const plan: DocumentPlan = {
    uri: context.uri,
    index: document.index,
    kind: target.kind,
    account: target.account,
    sid: target.sid,
    title,
    operations,
    warnings: planned.warnings,
    remoteFingerprint: fingerprint,
    remoteChanged: drift?.changed && operations.length > 0 ? { fields: drift.fields } : undefined,
    target,
    remote: state,
  };
  return { status: 'planned', plan };
}

function planKind<K extends TrunkKind>(
  target: RemoteTargetOf<K>,
  state: RemoteState | undefined,
  sameName: readonly SameNamedResource[],
  context: PlanContext,
): Promise<KindPlan<PlanOperation>> | KindPlan<PlanOperation> {
  if (state && state.kind !== target.kind) throw new Error(`Remote state of a ${state.kind} given for a ${target.kind} document`);
  const { account } = target;
  return documentKind<TrunkKind>(target.kind).plan.plan(target.spec, state, sameName, { account, numbers: context.numbers, dids: context.dids, trunkNames: context.trunkNames, references: context.references, signal: context.signal });
}

/** The error with the offsets of the value it is about, when the document has it. */
export function locatePlanError(document: TrunkDocument, error: PlanError): PlanError {
  const located = locatePath(document.yaml.contents, error.path);
  const span = nodeSpan(located.node) ?? nodeSpan(located.nearestPair?.key);
  return span ? { ...error, offsets: [span[0], span[1]] } : error;
}
