import type { OperationEffect, OperationRun } from '../apply/operation-run';
import type { SyncClients } from '../apply/sync-clients';
import type { TrunkKind } from '../file/trunk-kinds';
import type { JsonSchema } from '../file/trunk-schemas';
import type { TrunkSpecByKind } from '../file/trunk-specs';
import type { KindPlan } from '../plan/plan-error';
import type { PlanOperation, PlanOperationType } from '../plan/plan-operations';
import type { DocumentKindTypes } from './document-kind-types';
import type { FetchOptions, RemoteByKind, RemoteLookup, RemoteStateOf, RemoteTargetOf, SameNamedResource } from '../plan/remote-state';
import type { CarrierXDidIndex } from '../plan/carrierx-did-index';
import type { TwilioNumberIndex } from '../plan/twilio-number-index';
import type { DiagnosticCode } from '../validate/trunk-diagnostic';
import type { KindReference, ReferableResource, ReferenceResolver } from '../references/document-reference';

// Everything the provider-neutral code (plan, fetch, apply, render, export, sync, validate, the
// CLI) knows about one document kind, in one object: kinds/<kind>.ts each make one, and
// document-kinds.ts lists them. This file holds types only, so that both the descriptors and
// the generic code that asks them can import it without a cycle.

export type DocumentProvider = 'twilio' | 'carrierx';

/** A value of a document that no other document may claim (trunk-claims.ts, plan-documents.ts). */
export interface KindClaim {
  type: 'phone-number' | 'domain-name';
  /** The spec key that holds it. */
  field: string;
  /** The key holds a list, each item claimed; otherwise the key's one value. */
  list: boolean;
  /** Two values that differ only in case are the same (domain names). */
  ignoreCase: boolean;
}

/** What a kind that other documents name (KindReference.kind) provides for resolving, completing and showing those names. */
export interface KindReferable {
  /** Every resource of the kind in the account, with its name: one listing, shared by a whole plan. */
  list(account: string, clients: SyncClients, signal: AbortSignal | undefined): Promise<ReferableResource[]>;
  /** A few lines that say what the resource holds (a list's addresses or usernames), from a spec or a rendered remote (render.source). */
  summary(values: Readonly<Record<string, unknown>>): string[];
}

/** A rule a JSON Schema cannot say about a list in the spec (document-rules.ts). */
export type KindListRule =
  | {
      /** No two items with the same identity: the planner matches on it. */
      type: 'unique-items';
      list: string;
      identity(item: unknown): string | undefined;
      describe(id: string): string;
      code: DiagnosticCode;
      /** The item's field the diagnostic points at (else the whole item). */
      itemField?: string;
    }
  | {
      /** Each item carries at least one of `keys`, or the planner cannot match it. */
      type: 'item-needs-key';
      list: string;
      keys: readonly string[];
      code: DiagnosticCode;
      message: string;
    };

/** What planning one document gets besides its spec and remote state. */
export interface KindPlanContext {
  account: string;
  /** The account's incoming numbers for this run, when the kind uses them (plan.usesNumberIndex). */
  numbers?: TwilioNumberIndex | undefined;
  /** The account's CarrierX DIDs for this run, when the kind uses them (plan.usesDidIndex). */
  dids?: CarrierXDidIndex | undefined;
  /** Names of the account's trunks, when known, to name the trunk a number moves from. */
  trunkNames?: ReadonlyMap<string, string | null> | undefined;
  /** Resolves the names of the kind's `references` (always given when the kind declares some). */
  references?: ReferenceResolver | undefined;
  signal?: AbortSignal | undefined;
}

export interface KindBulkFetchOptions extends FetchOptions {
  /** The account's number index for this run; a kind that needs one makes it when absent. */
  numbers?: TwilioNumberIndex | undefined;
  /** The account's CarrierX DID index for this run, likewise. */
  dids?: CarrierXDidIndex | undefined;
}

/** A spec key that Export leaves out of a file (so the file does not manage it), and why. */
export interface ExportOmission {
  key: string;
  /** A sentence for the user: what the file cannot say, and what to do about it. */
  reason: string;
}

/** Origination URLs as the failover preview reads them. */
export interface FailoverUrlFields {
  friendly_name: string | null;
  sip_url: string | null;
  priority: number;
  weight: number;
  enabled: boolean | null;
}

/** What a new document is named: friendly name `My trunk`, label `my-trunk` (a valid domain label). */
export interface KindNaming {
  name: string;
  label: string;
}

type OperationOf<T extends PlanOperationType> = Extract<PlanOperation, { type: T }>;

/** What one operation type means for the spec (operation-meaning.ts): what it sets, and how it reads as drift. */
export interface OperationMeaning<O extends PlanOperation = PlanOperation> {
  /** The spec keys it sets at the provider: 'all' when it creates the resource; 'fields': each key of its `fields`. */
  readonly sets: readonly string[] | 'all' | 'fields';
  /** Read backwards (the provider's side against the file's): how the provider differs; undefined: nothing to say. */
  drift(op: O): string | undefined;
  /** The drift shows none of its changes: the provider no longer has the item, so its fields are the file's. */
  readonly driftWithoutChanges?: boolean;
}

/** One meaning per operation type the kind plans; the compiler names a missing one. */
export type KindOperationMeanings<K extends TrunkKind> = { readonly [T in DocumentKindTypes[K]['operation']['type']]: OperationMeaning<OperationOf<T>> };

/** How a kind sends each of its operation types (one provider request each). */
export type KindOperations = { readonly [T in Exclude<PlanOperationType, 'adopt'>]?: (op: OperationOf<T>, run: OperationRun) => Promise<OperationEffect> };

export interface DocumentKindDescriptor<K extends TrunkKind> {
  readonly kind: K;
  /** Which provider's API the kind is pushed to; the account's provider must match. */
  readonly provider: DocumentProvider;
  /** `Twilio trunk`: a document's title in messages is this and its name. */
  readonly title: string;
  /** `Twilio Elastic SIP Trunk`: the kind in a picker (New Trunk File). */
  readonly label: string;
  /** `trunk`: the resource at the provider, in a sentence (`Use the existing trunk TK…`). */
  readonly noun: string;
  /** Documents of the kind to start from: New Trunk File's, and the registry test's round trip. */
  readonly examples: {
    /** The names New Trunk File suggests when the file's name gives none. */
    readonly naming: KindNaming;
    /** The `spec:` block New Trunk File writes (YAML lines indented two spaces), with the file's names. */
    starter(naming: KindNaming): string;
    /** A valid spec with every sub-resource the kind has: created, fetched and rendered back by document-kinds.test.ts. */
    readonly full: Readonly<Record<string, unknown>>;
  };
  /** Its JSON Schema (schemas/<schemaFile>), the source of truth for fields, enums, limits and docs. */
  readonly schema: JsonSchema;
  readonly schemaFile: string;

  readonly identity: {
    /** What the provider's sids of this kind look like. */
    readonly sidPattern: RegExp;
    sidOf(remote: RemoteByKind[K]): string;
    /** The name a document (or rendered spec) gives its resource, for titles; undefined when none. */
    nameOf(values: Readonly<Record<string, unknown>>): unknown;
    /**
     * A spec field unique in the account: a document without sid takes over the resource that
     * owns its value (compute-plan.ts says so in the plan). Without one, a lost create is found
     * by name among resources that did not exist before it (reconcile-create.ts).
     */
    readonly uniqueKey?: { readonly field: string; readonly label: string } | undefined;
  };

  readonly fields: {
    /** The spec keys a push sends to the resource itself (the provider's writable fields). */
    readonly writable: readonly string[];
    /** Spec keys that are sub-resources or lists pushed with their own requests. */
    readonly subResources: readonly string[];
    /** Spec keys whose list is the exact desired set: items absent from the file are removed. */
    readonly exactSets: readonly string[];
    /** Spec keys shown but never sent. */
    readonly readOnlyShown: readonly string[];
    /**
     * Fields the API returns but never accepts, by the schema definition of the object that
     * would hold them (`spec`, `originationUrl`): validation says why they cannot be written.
     */
    readonly responseOnly: Readonly<Record<string, ReadonlySet<string>>>;
  };

  /** Values of a document no other document may claim, besides its sid. */
  readonly claims: readonly KindClaim[];
  /** Rules about the spec's lists that the schema cannot say. */
  readonly rules: readonly KindListRule[];
  /** Spec fields that name other resources (references/): plans order documents by them. */
  readonly references?: readonly KindReference[] | undefined;
  /** Present when other kinds' documents may name resources of this kind. */
  readonly referable?: KindReferable | undefined;

  readonly fetch: {
    /** Everything about one resource by its sid (throws the provider's 404 when it is gone). */
    bySid(account: string, sid: string, clients: SyncClients, options: FetchOptions): Promise<RemoteStateOf<K>>;
    /** For a document without sid: a resource owning its unique key, or same-named ones. */
    lookupNew(target: RemoteTargetOf<K>, clients: SyncClients, options: FetchOptions): Promise<RemoteLookup>;
    /** Looking up a new document lists them all anyway: then one listing serves every document. */
    readonly listsForNew: boolean;
    /**
     * Many documents of one account from listings, one lookup per target in order; fills
     * `trunkNames` when it lists the account's trunks.
     */
    bulk(account: string, targets: readonly RemoteTargetOf<K>[], clients: SyncClients, options: KindBulkFetchOptions, trunkNames: Map<string, string | null>): Promise<RemoteLookup[]>;
    /**
     * After an interrupted push journaled a create: resources with that name, when the lookup
     * did not list them (a kind whose new documents are found by unique key, not by name).
     */
    sameNamed?(account: string, name: string, clients: SyncClients, signal: AbortSignal | undefined): Promise<SameNamedResource[]>;
  };

  readonly plan: {
    /** Planning needs the account's incoming numbers (PlanContext.numbers). */
    readonly usesNumberIndex: boolean;
    /** Planning needs the account's CarrierX DIDs (PlanContext.dids). */
    readonly usesDidIndex?: boolean;
    plan(spec: TrunkSpecByKind[K], state: RemoteStateOf<K> | undefined, sameName: readonly SameNamedResource[], context: KindPlanContext): Promise<KindPlan<PlanOperation>> | KindPlan<PlanOperation>;
    /** The desired origination URLs, for the failover-order preview; undefined when not managed. */
    failoverUrls?(spec: TrunkSpecByKind[K]): readonly FailoverUrlFields[] | undefined;
    /** The spec key of that list (`origination_urls`, a policy's `targets`): hovering it shows the failover order. */
    readonly failoverKey?: string;
  };

  /** executeOperation's part per operation type; every type the kind plans has one. */
  readonly operations: KindOperations;
  /** What each operation type sets and how it reads as drift. */
  readonly operationMeanings: KindOperationMeanings<K>;

  readonly render: {
    /** The remote state as one object with the spec's keys (sets sorted); the schema then picks. */
    source(remote: RemoteByKind[K]): object;
  };

  readonly sync: {
    /** Spec keys fingerprinted even when the rendered spec leaves them out, so their (dis)appearing shows. */
    readonly trackedKeys: readonly string[];
    /** The provider's last-change time, when it has one (1 s resolution). */
    dateUpdated(remote: RemoteStateOf<K>['remote']): string | null;
    /** Spec keys this state did not fetch (not to be shown or compared as the truth). */
    unfetchedKeys(state: RemoteStateOf<K>): readonly string[];
  };

  readonly export: {
    /** A fetch target for every resource of the kind in the account, in the provider's order. */
    targets(account: string, clients: SyncClients, signal: AbortSignal): Promise<RemoteTargetOf<K>[]>;
    /** The fetch target that exports one resource (Export from its tree node), read as `targets` reads it. */
    target(account: string, sid: string): RemoteTargetOf<K>;
    /** The file name before lower-casing: `acme-main`, `byoc-carrier-a`, `group-east`. */
    baseName(state: RemoteStateOf<K>): string;
    /** What a file cannot represent of this state: Export leaves these keys out and says why. */
    omissions(state: RemoteStateOf<K>): ExportOmission[];
  };
}
