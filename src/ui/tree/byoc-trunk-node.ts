import { targetAsFailoverUrl } from '../../core/documents/plan/plan-connection-policy';
import type { ConnectionPolicyTarget } from '../../core/providers/twilio/models';
import { checkFacts } from '../../core/readiness/check-readiness';
import { t } from '../l10n';
import { descriptorOf } from '../resources/resource-kinds';
import type { RefOf } from '../resources/resource-ref';
import type { ConnectionPoliciesNode } from './connection-policies-node';
import { ConnectionPolicyNode } from './connection-policy-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { markdownFields, named } from './markdown-fields';
import { NoConnectionPolicyNode } from './no-connection-policy-node';
import { failoverLine, withReadinessLines } from './readiness-tooltip';
import { RoutedTrunkNode } from './routed-trunk-node';

/** A BYOC trunk: the connection policy it sends calls through (with its targets), or a hint to set one. */
export class ByocTrunkNode extends RoutedTrunkNode<RefOf<'byocTrunk'>> {
  /** Its policy's node below it, once loaded. */
  private policyNode: ConnectionPolicyNode | undefined;

  constructor(
    ref: RefOf<'byocTrunk'>,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    /** The account's Connection Policies: a policy loaded there names this trunk's without a request. */
    private readonly policies?: ConnectionPoliciesNode,
  ) {
    super(ref, parent, ctx);
  }

  get trunk() {
    return this.ref.trunk;
  }

  protected forgetRoute(): void {
    this.policyNode = undefined;
  }

  protected failedMessage(message: string): string {
    return t('Failed to load the connection policy of "{0}": {1}', this.trunk.friendly_name || this.trunk.sid, message);
  }

  /** Hovered: the policy and its targets are read (once; a policy the account listed is not fetched again) for its name, failover order and readiness. */
  protected override async resolveRoute(): Promise<void> {
    await this.children();
    await this.policyNode?.children().catch(() => undefined);
  }

  private known(): { name: string | undefined; targets: readonly ConnectionPolicyTarget[] | undefined } {
    const sid = this.trunk.connection_policy_sid;
    if (!sid) return { name: undefined, targets: undefined };
    const listed = this.policies?.loadedPolicy(sid);
    const policy = this.policyNode?.ref.policy ?? listed?.ref.policy;
    return { name: policy?.friendly_name ?? undefined, targets: this.policyNode?.loadedTargets ?? listed?.loadedTargets };
  }

  protected readiness() {
    const b = this.trunk;
    const targets = this.known().targets;
    const policySid = b.connection_policy_sid || null;
    return checkFacts('TwilioByocTrunk', {
      connectionPolicySid: policySid,
      enabledTargets: targets?.filter((target) => target.enabled !== false).length,
      voiceUrl: b.voice_url || null,
      voiceFallbackUrl: b.voice_fallback_url || null,
    });
  }

  protected tooltip(findings: readonly { message: string }[]): string {
    const { name, targets } = this.known();
    const base = descriptorOf(this.ref).tree.tooltip(this.ref);
    // The policy by its name, the sid beside it.
    const fields = base.fields.map(([key, value]) => (key === 'connection_policy_sid' ? ([key, named(this.trunk.connection_policy_sid, name)] as const) : ([key, value] as const)));
    const failover = targets ? [failoverLine(targets.map(targetAsFailoverUrl), 'targets')] : [];
    return withReadinessLines(markdownFields(base.title, fields, this.ref.kind), findings, failover);
  }

  protected async loadRoute(): Promise<ExplorerNode[]> {
    const { account, trunk } = this.ref;
    if (!trunk.connection_policy_sid) return [new NoConnectionPolicyNode(account, trunk, this)];
    const listed = this.policies?.loadedPolicy(trunk.connection_policy_sid)?.ref.policy;
    const policy = listed ?? (await (await this.ctx.connections.twilio(account)).connectionPolicies.fetch(trunk.connection_policy_sid));
    this.policyNode = new ConnectionPolicyNode({ kind: 'connectionPolicy', account, policy, via: trunk }, this, this.ctx);
    return [this.policyNode];
  }
}
