import { ACL_WRITABLE_FIELDS } from './models';

/**
 * Builds a JSON body from the writable attributes that are present. Read-only attributes
 * (trunk_sid, in/out_rfc_4694_mode, partner_sid, ACL sms_action_*) are never sent.
 */
export function carrierXBody(fields: object, writable: readonly string[]): Record<string, unknown> {
  const values = fields as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const key of writable) {
    const value = values[key];
    if (value === undefined) continue;
    body[key] = key === 'acls' && Array.isArray(value) ? value.map(aclBody) : value;
  }
  return body;
}

function aclBody(acl: unknown): Record<string, unknown> {
  return acl !== null && typeof acl === 'object' ? carrierXBody(acl, ACL_WRITABLE_FIELDS) : {};
}
