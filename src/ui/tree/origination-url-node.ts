import type { OriginationUrl } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { LeafNode } from './explorer-node';
import { markdownFields } from './markdown-fields';
import type { OriginationUrlsNode } from './origination-urls-node';
import type { TreeItemData } from './tree-item-data';

export class OriginationUrlNode extends LeafNode {
  readonly id: string;

  constructor(
    public url: OriginationUrl,
    readonly parent: OriginationUrlsNode,
  ) {
    super();
    this.id = `${parent.id}/${url.sid}`;
  }

  treeItem(): TreeItemData {
    const u = this.url;
    return {
      id: this.id,
      label: u.friendly_name || u.sip_url || u.sid,
      description: `${u.sip_url ?? ''} · ${t('priority {0}, weight {1}', u.priority, u.weight)}${u.enabled === false ? ` · ${t('disabled')}` : ''}`,
      tooltip: markdownFields(u.friendly_name || u.sid, [
        ['sid', u.sid],
        ['sip_url', u.sip_url],
        ['priority', u.priority],
        ['weight', u.weight],
        ['enabled', u.enabled],
        ['date_updated', u.date_updated],
      ]),
      contextValue: 'trunkline:originationUrl.editable.deletable',
      icon: { id: u.enabled === false ? 'circle-slash' : 'arrow-right' },
      collapsible: 'none',
    };
  }
}
