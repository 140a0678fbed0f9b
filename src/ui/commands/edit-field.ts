import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { fieldValueFromText, fieldValueProblem, type FieldDescriptor } from '../resources/editable-fields';
import { isRefused } from '../resources/resource-kind';
import { changeOf, descriptorOf, displayNameOf, folderIdsOf, kindsWith, labelOf } from '../resources/resource-kinds';
import { currentValue, nameTakenProblem, updateResource } from '../resources/resource-operations';
import type { ResourceRef } from '../resources/resource-ref';
import { refFromNode } from '../tree/resource-node';
import type { PickItem } from '../user-input';
import type { CommandContext, CommandDefinition } from './command';

/**
 * Trunkline: Edit Field — a quick pick of the resource's editable fields with their current
 * values, then the right input: a pick for enums and booleans, validated text otherwise.
 */
export const editField: CommandDefinition = {
  id: 'trunkline.editField',
  async run(ctx: CommandContext, node?: unknown, fieldKey?: unknown) {
    const title = t('Edit Field');
    const ref = refFromNode(node) ?? (await pickResource(ctx, kindsWith('edit'), title));
    const edit = descriptorOf(ref).edit;
    if (isRefused(edit)) throw new Error(edit.refused());
    const fields = edit.fields();
    const field =
      fields.find((f) => f.key === fieldKey) ??
      (await ctx.input.pick(
        fields.map((f) => ({ label: f.key, description: display(currentValue(ref, f.key)), detail: f.description, value: f })),
        { title: `${title}: ${labelOf(ref)}`, placeholder: t('Which field of the {0}?', displayNameOf(ref.kind)), matchOnDescription: true },
      ));
    const value = await askValue(ctx, ref, field, title);
    if (sameValue(value, currentValue(ref, field.key))) {
      void ctx.workbench.info(t('{0} is already {1}; nothing to change.', field.key, display(value)));
      return ref;
    }
    return applyFieldChange(ctx, ref, { [field.key]: value });
  },
};

/** Sends the change with progress, then refreshes the resource's folder. */
export async function applyFieldChange(ctx: CommandContext, ref: ResourceRef, fields: Record<string, unknown>): Promise<ResourceRef> {
  const summary = Object.entries(fields).map(([k, v]) => `${k} = ${display(v)}`).join(', ');
  let updated: ResourceRef;
  try {
    updated = await ctx.workbench.withProgress(t('Updating {0}: {1}…', labelOf(ref), summary), (_report, signal) => updateResource(ctx, ref, fields, signal));
  } finally {
    // Also after a failure: an update whose answer was lost may have been applied.
    ctx.resourceChanges.fire(changeOf(ref));
  }
  for (const id of folderIdsOf(ref)) ctx.explorer.refreshById(id);
  void ctx.workbench.info(t('Updated {0} of "{1}".', summary, labelOf(updated)));
  return updated;
}

async function askValue(ctx: CommandContext, ref: ResourceRef, field: FieldDescriptor, title: string): Promise<unknown> {
  const current = currentValue(ref, field.key);
  const heading = `${title}: ${labelOf(ref)} › ${field.key}`;
  if (field.type === 'boolean') {
    return ctx.input.pick(
      [true, false].map((v) => ({ label: String(v), description: v === current ? t('current') : undefined, value: v })),
      { title: heading, placeholder: field.description },
    );
  }
  if (field.values) {
    const items: PickItem<string | null>[] = field.values.map((v) => ({
      label: v === null ? t('(none)') : v,
      description: v === current ? t('current') : undefined,
      value: v,
    }));
    return ctx.input.pick(items, { title: heading, placeholder: field.description });
  }
  const text = await ctx.input.input({
    title: heading,
    prompt: `${field.description}${field.nullable ? ` ${t('Leave empty to clear it.')}` : ''}`,
    value: current === null || current === undefined ? '' : String(current),
    validate: (v) => fieldValueProblem(field, v),
    // The name of a policy or endpoint: one another of the account has is refused here, as
    // Rename and Create refuse it (and checked again right before the write).
    validateOnAccept: (v) => nameTakenProblem(ctx, ref, { [field.key]: fieldValueFromText(field, v) }),
  });
  return fieldValueFromText(field, text);
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

export function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('(none)');
  return String(value);
}
