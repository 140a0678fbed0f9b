import type { CommandContext } from '../commands/command';
import type { ResourceRef } from './resource-ref';

/** The value a resource has now for a field, as the provider returned it. */
export function currentValue(ref: ResourceRef, key: string): unknown {
  const record = recordOf(ref) as Record<string, unknown>;
  return record[key];
}

function recordOf(ref: ResourceRef): object {
  switch (ref.kind) {
    case 'trunk':
    case 'byocTrunk':
    case 'carrierxTrunk':
      return ref.trunk;
    case 'trunkGroup':
      return ref.group;
    case 'originationUrl':
      return ref.url;
    case 'phoneNumber':
      return ref.number;
  }
}

/** Sends a change of fields and returns the resource as the provider now has it. */
export async function updateResource(ctx: CommandContext, ref: ResourceRef, fields: Record<string, unknown>, signal?: AbortSignal): Promise<ResourceRef> {
  const options = { signal };
  switch (ref.kind) {
    case 'trunk': {
      const client = await ctx.connections.twilio(ref.account);
      return { ...ref, trunk: await client.trunks.update(ref.trunk.sid, fields, options) };
    }
    case 'byocTrunk': {
      const client = await ctx.connections.twilio(ref.account);
      return { ...ref, trunk: await client.byocTrunks.update(ref.trunk.sid, fields, options) };
    }
    case 'originationUrl': {
      const client = await ctx.connections.twilio(ref.account);
      return { ...ref, url: await client.originationUrls.update(ref.trunk.sid, ref.url.sid, fields, options) };
    }
    case 'trunkGroup': {
      const client = await ctx.connections.carrierx(ref.account);
      return { ...ref, group: await client.trunkGroups.update(ref.group.trunk_group_sid, fields, options) };
    }
    case 'carrierxTrunk': {
      const client = await ctx.connections.carrierx(ref.account);
      return { ...ref, trunk: await client.trunks.update(ref.group.trunk_group_sid, ref.trunk.trunk_sid, fields, options) };
    }
    case 'phoneNumber':
      throw new Error('Phone numbers on a trunk cannot be edited here; detach or attach them instead.');
  }
}

export async function deleteResource(ctx: CommandContext, ref: ResourceRef, signal?: AbortSignal): Promise<void> {
  const options = { signal };
  switch (ref.kind) {
    case 'trunk':
      return (await ctx.connections.twilio(ref.account)).trunks.delete(ref.trunk.sid, options);
    case 'byocTrunk':
      return (await ctx.connections.twilio(ref.account)).byocTrunks.delete(ref.trunk.sid, options);
    case 'originationUrl':
      return (await ctx.connections.twilio(ref.account)).originationUrls.delete(ref.trunk.sid, ref.url.sid, options);
    case 'phoneNumber':
      return (await ctx.connections.twilio(ref.account)).trunkPhoneNumbers.detach(ref.trunk.sid, ref.number.sid, options);
    case 'trunkGroup':
      return (await ctx.connections.carrierx(ref.account)).trunkGroups.delete(ref.group.trunk_group_sid, options);
    case 'carrierxTrunk':
      return (await ctx.connections.carrierx(ref.account)).trunks.delete(ref.group.trunk_group_sid, ref.trunk.trunk_sid, options);
  }
}
