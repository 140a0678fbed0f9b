import { targetAsFailoverUrl } from '../../core/documents/plan/plan-connection-policy';
import { errorLine } from '../../core/http/provider-error';
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
import { EmptyNode } from './paged-folder-node';
import { failoverLine, withReadiness, withReadinessLines } from './readiness-tooltip';
import { ResourceNode } from './resource-node';
import type { TreeItemData } from './tree-item-data';

/** A BYOC trunk: the connection policy it sends calls through (with its targets), or a hint to set one. */
export class ByocTrunkNode extends ResourceNode<RefOf<'byocTrunk'>> {
  private policy: Promise<ExplorerNode[]> | undefined;
  /** Its policy's node below it, once loaded. */
  private policyNode: ConnectionPolicyNode | undefined;

  constructor(
    ref: RefOf<'byocTrunk'>,
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
    /** The account's Connection Policies: a policy loaded there names this trunk's without a request. */
    private readonly policies?: ConnectionPoliciesNode,
  ) {
    super(ref, parent);
  }

  get trunk() {
    return this.ref.trunk;
  }

  children(): Promise<ExplorerNode[]> {
    this.policy ??= this.load().catch((e: unknown) => {
      this.policy = undefined;
      const message = errorLine(e);
      this.ctx.log.error(t('Failed to load the connection policy of "{0}": {1}', this.trunk.friendly_name || this.trunk.sid, message));
      return [new EmptyNode(this, t('Failed to load: {0}', message))];
    });
    return this.policy;
  }

  reset(): void {
    this.policy = undefined;
    this.policyNode = undefined;
  }

  /**
   * The row names its policy and warns when the trunk cannot carry calls, from what the explorer
   * has: the trunk's own fields, and the policy and its targets where loaded (below this trunk or
   * in the account's Connection Policies). No request.
   */
  override treeItem(): TreeItemData {
    const item = super.treeItem();
    const findings = this.readiness();
    return withReadiness(item, findings, this.tooltip(findings));
  }

  /** Hovered: the policy and its targets are read (once; a policy the account listed is not fetched again) for its name, failover order and readiness. */
  async resolveTooltip(): Promise<string | undefined> {
    const before = this.readiness().length;
    await this.children();
    await this.policyNode?.children().catch(() => undefined);
    const findings = this.readiness();
    // What the hover learnt changes the row too (a policy with no enabled target).
    if (findings.length !== before) this.ctx.changed(this);
    return this.tooltip(findings);
  }

  private known(): { name: string | undefined; targets: readonly ConnectionPolicyTarget[] | undefined } {
    const sid = this.trunk.connection_policy_sid;
    if (!sid) return { name: undefined, targets: undefined };
    const listed = this.policies?.loadedPolicy(sid);
    const policy = this.policyNode?.ref.policy ?? listed?.ref.policy;
    return { name: policy?.friendly_name ?? undefined, targets: this.policyNode?.loadedTargets ?? listed?.loadedTargets };
  }

  private readiness() {
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

  private tooltip(findings: readonly { message: string }[]): string {
    const { name, targets } = this.known();
    const base = descriptorOf(this.ref).tree.tooltip(this.ref);
    // The policy by its name, the sid beside it.
    const fields = base.fields.map(([key, value]) => (key === 'connection_policy_sid' ? ([key, named(this.trunk.connection_policy_sid, name)] as const) : ([key, value] as const)));
    const failover = targets ? [failoverLine(targets.map(targetAsFailoverUrl), 'targets')] : [];
    return withReadinessLines(markdownFields(base.title, fields, this.ref.kind), findings, failover);
  }

  private async load(): Promise<ExplorerNode[]> {
    const { account, trunk } = this.ref;
    if (!trunk.connection_policy_sid) return [new NoConnectionPolicyNode(account, trunk, this)];
    const listed = this.policies?.loadedPolicy(trunk.connection_policy_sid)?.ref.policy;
    const policy = listed ?? (await (await this.ctx.connections.twilio(account)).connectionPolicies.fetch(trunk.connection_policy_sid));
    this.policyNode = new ConnectionPolicyNode({ kind: 'connectionPolicy', account, policy, via: trunk }, this, this.ctx);
    return [this.policyNode];
  }
}
