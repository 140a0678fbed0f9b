import type { Trunk } from '../../core/providers/twilio/models';
import type { ElasticSipTrunksNode } from './elastic-sip-trunks-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { markdownFields } from './markdown-fields';
import { OriginationUrlsNode } from './origination-urls-node';
import { PhoneNumbersNode } from './phone-numbers-node';
import type { TreeItemData } from './tree-item-data';

/** An Elastic SIP Trunk: numbers and origination URLs below it, recording in its tooltip. */
export class TrunkNode implements ExplorerNode {
  readonly id: string;
  private folders: [PhoneNumbersNode, OriginationUrlsNode] | undefined;

  constructor(
    public trunk: Trunk,
    readonly parent: ElasticSipTrunksNode,
    private readonly ctx: ExplorerContext,
  ) {
    this.id = `${parent.id}/${trunk.sid}`;
  }

  get account() {
    return this.parent.accountNode.account;
  }

  get phoneNumbers(): PhoneNumbersNode {
    return this.ensureFolders()[0];
  }

  get originationUrls(): OriginationUrlsNode {
    return this.ensureFolders()[1];
  }

  treeItem(): TreeItemData {
    const tr = this.trunk;
    const description = [tr.domain_name, this.phoneNumbers.countText()].filter(Boolean).join(' · ');
    return {
      id: this.id,
      label: tr.friendly_name || tr.domain_name || tr.sid,
      description,
      tooltip: markdownFields(tr.friendly_name || tr.sid, [
        ['sid', tr.sid],
        ['domain_name', tr.domain_name],
        ['secure', tr.secure],
        ['transfer_mode', tr.transfer_mode],
        ['transfer_caller_id', tr.transfer_caller_id],
        ['cnam_lookup_enabled', tr.cnam_lookup_enabled],
        ['disaster_recovery_url', tr.disaster_recovery_url],
        ['disaster_recovery_method', tr.disaster_recovery_method],
        ['recording.mode', tr.recording?.mode],
        ['recording.trim', tr.recording?.trim],
        ['auth_type', tr.auth_type],
        ['symmetric_rtp_enabled', tr.symmetric_rtp_enabled],
        ['date_created', tr.date_created],
        ['date_updated', tr.date_updated],
      ], 'trunk'),
      contextValue: `trunkline:trunk.twilio.editable.deletable.exportable${this.account.provider === 'sandbox' ? '' : '.console'}`,
      icon: { id: tr.secure ? 'lock' : 'server' },
      collapsible: 'collapsed',
    };
  }

  async children(): Promise<ExplorerNode[]> {
    return this.ensureFolders();
  }

  reset(): void {
    this.folders = undefined;
  }

  private ensureFolders(): [PhoneNumbersNode, OriginationUrlsNode] {
    this.folders ??= [new PhoneNumbersNode(this, this.ctx), new OriginationUrlsNode(this, this.ctx)];
    return this.folders;
  }
}
