import type { AccountConnections } from '../../core/accounts/account-connections';
import type { Account } from '../../core/accounts/account';
import type { ConsoleResource } from '../../core/providers/console-links';
import type { PickContext } from '../pickers/pick-trunk';
import type { ResourceChange } from '../resource-change-bus';
import type { FolderRef, ResourcePlace } from '../tree/tree-ids';
import type { FieldDescriptor } from './editable-fields';
import type { RefOf, ResourceKind } from './resource-ref';

/** A capability a kind lacks: the message says why, and what to do instead. */
export interface Refused {
  /** Translated when asked (t() at use, not at load). */
  refused(): string;
}

export function isRefused(capability: object): capability is Refused {
  return 'refused' in capability;
}

/** A delete's confirmation text, and the sids of the other resources it names that the delete changes first. */
export interface DeleteConsequence {
  text: string;
  dependents: readonly string[];
}

/**
 * Everything the explorer and the generic commands (Rename, Edit Field, Delete, Copy SID, Open
 * in Console, the palette pickers) know about one resource kind. Adding a kind is one of these
 * and one line in `resource-kinds.ts`; nothing else switches on kinds.
 */
export interface ResourceKindDescriptor<K extends ResourceKind = ResourceKind> {
  readonly kind: K;
  /** What messages call it ("Delete the {0} …"), translated. */
  displayName(): string;
  /** The provider whose accounts have it (the sandbox has both). */
  readonly provider: 'twilio' | 'carrierx';

  sid(ref: RefOf<K>): string;
  /** What the user calls it: the name, else the most telling field, else the SID. */
  label(ref: RefOf<K>): string;
  /** The provider's record as returned, to read current field values from. */
  record(ref: RefOf<K>): object;
  /** The resource a trunk file describes that a change to this one changes (a number changes its trunk). */
  change(ref: RefOf<K>): ResourceChange;
  /** Where it is in the explorer: the folder reloaded after a change, and its id (tree-ids.ts builds both). */
  place(ref: RefOf<K>): ResourcePlace;
  /**
   * Other folders reloaded after a change to it, besides its own: where else it is shown, or
   * what the change changes (a connection policy is shown below the BYOC trunks that use it).
   */
  alsoRefresh?(ref: RefOf<K>): FolderRef[];

  /** Asks, from the palette, for one resource of this kind of the account. */
  pick(ctx: PickContext, account: Account, title: string): Promise<RefOf<K>>;

  readonly rename:
    | {
        readonly key: string;
        readonly maxLength: number | undefined;
        /**
         * For kinds whose names pick lists and trunk files must tell apart: the problem when
         * another of the account's resources of this kind already has `name`, else undefined.
         * Read afresh: Rename and Edit Field ask it when the name is typed and again right
         * before the write (a colleague may take the name in between).
         */
        taken?(connections: AccountConnections, ref: RefOf<K>, name: string, signal?: AbortSignal): Promise<string | undefined>;
      }
    | Refused;
  readonly edit:
    | {
        fields(): FieldDescriptor[];
        /** Sends a change of fields and returns the resource as the provider now has it. */
        update(connections: AccountConnections, ref: RefOf<K>, fields: Record<string, unknown>, signal?: AbortSignal): Promise<RefOf<K>>;
      }
    | Refused;
  readonly delete:
    | {
        /**
         * What else goes with it, said in the confirmation ('' when nothing); with `dependents`,
         * the sids of the resources the text names that the delete changes first (trunks
         * cleared), which `remove` holds the delete to.
         */
        consequence(connections: AccountConnections, ref: RefOf<K>): Promise<string | DeleteConsequence>;
        /**
         * Resolves with the other resources it changed on the way (trunks left with no endpoint),
         * if any. With `confirmed` (the dependents the user agreed to), dependents found beyond
         * them right before the first write reject with an UnconfirmedDependentsError, nothing sent.
         */
        remove(connections: AccountConnections, ref: RefOf<K>, signal?: AbortSignal, confirmed?: ReadonlySet<string>): Promise<void | readonly ResourceChange[]>;
      }
    | Refused;
  readonly console: {
    link(ref: RefOf<K>): ConsoleResource;
    /** Offered when Open in Console is run from the palette. */
    readonly inPalette: boolean;
  };

  /** How its node looks in the explorer. */
  readonly tree: {
    icon(ref: RefOf<K>): string;
    /** `detail` is what the node knows beyond the resource (a trunk's number count). */
    description(ref: RefOf<K>, detail?: string): string | undefined;
    /**
     * The tooltip's title and fields by API name (labelled in words from the schemas by
     * markdownFields, which also puts pairs such as a method and its URL on one line).
     */
    tooltip(ref: RefOf<K>): { title: string; fields: (readonly [string, unknown])[] };
    /**
     * The node's capabilities as menus match them (`when` clauses in package.json), e.g.
     * `trunkline:trunk.twilio.editable.deletable.exportable`.
     */
    readonly contextValue: string;
    /** Adds `.console` (Open in Console) outside the sandbox, which has no web console. */
    readonly console: boolean;
    readonly collapsible: 'none' | 'collapsed';
  };
}
