import { t } from '../../l10n';
import type { FieldDescriptor } from '../editable-fields';

/**
 * The one field of a SIP auth list Twilio lets change. Written here rather than read from a
 * trunk-file schema: the list kinds' schemas are not there yet (issue 14, trunk files).
 */
export function sipAuthListNameField(maxLength: number): FieldDescriptor[] {
  return [{ key: 'friendly_name', description: t('The name of the list (at most {0} characters).', maxLength), type: 'string', nullable: false, maxLength }];
}

/** Every field of a provider record for a tooltip, except the links to its sub-resources. */
export function tooltipFieldsOf(record: object): (readonly [string, unknown])[] {
  return Object.entries(record).filter(([key]) => key !== 'subresource_uris' && key !== 'uri' && key !== 'url');
}
