import type { CarrierXTrunk, Endpoint } from '../../core/providers/carrierx/models';
import { checkFacts } from '../../core/readiness/check-readiness';
import type { CarrierXTrunkFacts } from '../../core/readiness/readiness-facts';
import { t } from '../l10n';
import { addressSummary } from '../resources/kinds/endpoint-address';
import { descriptorOf } from '../resources/resource-kinds';
import type { RefOf } from '../resources/resource-ref';
import { EndpointNode } from './endpoint-node';
import type { EndpointsNode } from './endpoints-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { escapeMarkdown, markdownFields, named } from './markdown-fields';
import { EmptyNode } from './paged-folder-node';
import { withReadinessLines } from './readiness-tooltip';
import { RoutedTrunkNode } from './routed-trunk-node';

/** A trunk as the readiness rules read it, from the group's listing. */
export function carrierXTrunkFacts(trunk: CarrierXTrunk): CarrierXTrunkFacts {
  return { name: trunk.name || trunk.trunk_sid, index: undefined, inCapacity: trunk.in_capacity ?? 0, outCapacity: trunk.out_capacity ?? 0, endpointSid: trunk.endpoint_sid ?? null };
}

/** Addresses of the endpoints known, by sid. */
export function addressCounts(endpoints: readonly (Endpoint | undefined)[]): Map<string, number> {
  return new Map(endpoints.flatMap((e) => (e ? [[e.endpoint_sid, e.addresses.length] as const] : [])));
}

/** The rules of a CarrierX group that are about one of its trunks: shown on that trunk's row too. */
const PER_TRUNK_RULES: ReadonlySet<string> = new Set(['carrierx-trunk-no-endpoint', 'carrierx-endpoint-no-address']);

/** A trunk of a CarrierX trunk group → the endpoint it sends calls to (with its addresses), or "No endpoint". */
export class CarrierXTrunkNode extends RoutedTrunkNode<RefOf<'carrierxTrunk'>> {
  /** Its endpoint, once loaded (below it, or taken from the account's Endpoints). */
  loadedEndpoint: Endpoint | undefined;

  constructor(
    ref: RefOf<'carrierxTrunk'>,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    /** The account's Endpoints: an endpoint loaded there is not fetched again. */
    private readonly endpoints?: EndpointsNode,
  ) {
    super(ref, parent, ctx);
  }

  get trunk() {
    return this.ref.trunk;
  }

  get group() {
    return this.ref.group;
  }

  protected forgetRoute(): void {
    this.loadedEndpoint = undefined;
  }

  protected failedMessage(message: string): string {
    return t('Failed to load the endpoint of "{0}": {1}', this.trunk.name || this.trunk.trunk_sid, message);
  }

  private known(): Endpoint | undefined {
    const sid = this.trunk.endpoint_sid;
    if (!sid) return undefined;
    return this.loadedEndpoint ?? this.endpoints?.loadedEndpoint(sid)?.endpoint;
  }

  /** Warns when the trunk has no endpoint, or one with no address. */
  protected readiness() {
    const findings = checkFacts('CarrierXTrunkGroup', { trunks: [carrierXTrunkFacts(this.trunk)], endpointAddresses: addressCounts([this.known()]), phoneNumbers: undefined });
    return findings.filter((f) => PER_TRUNK_RULES.has(f.rule.id));
  }

  /** Names its endpoint and lists the endpoint's addresses where loaded. */
  protected tooltip(findings: readonly { message: string }[]): string {
    const endpoint = this.known();
    const base = descriptorOf(this.ref).tree.tooltip(this.ref);
    const fields = base.fields.map(([key, value]) => (key === 'endpoint_sid' ? ([key, named(this.trunk.endpoint_sid, endpoint?.name)] as const) : ([key, value] as const)));
    const addresses = endpoint
      ? [
          `${t('Addresses')}: ${
            endpoint.addresses.length === 0
              ? t('none')
              : endpoint.addresses.map((a) => escapeMarkdown([a.ip ?? '', addressSummary(a)].filter(Boolean).join(' · '))).join(', ')
          }`,
        ]
      : [];
    return withReadinessLines(markdownFields(base.title, fields, this.ref.kind), findings, addresses);
  }

  protected async loadRoute(): Promise<ExplorerNode[]> {
    const sid = this.trunk.endpoint_sid;
    if (!sid) return [new EmptyNode(this, t('No endpoint: calls to this trunk have nowhere to go'))];
    const listed = this.endpoints?.loadedEndpoint(sid)?.endpoint;
    const endpoint = listed ?? (await (await this.ctx.connections.carrierx(this.account)).endpoints.fetch(sid));
    this.loadedEndpoint = endpoint;
    return [new EndpointNode({ kind: 'endpoint', account: this.account, endpoint, via: { group: this.group, trunk: this.trunk } }, this)];
  }
}
