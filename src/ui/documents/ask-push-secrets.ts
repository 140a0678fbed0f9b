import type { SecretRequest } from '../../core/documents/apply/secret-request';
import { secretProblem, secretRequestsOf, secretRequestsOfOperations } from '../../core/documents/apply/secret-requests';
import type { DocumentPlan } from '../../core/documents/plan/document-plan';
import type { PlanOperation } from '../../core/documents/plan/plan-operations';
import { generateSipPassword } from '../../core/providers/twilio/generate-sip-password';
import { t } from '../l10n';
import type { UserInput } from '../user-input';
import type { Workbench } from '../workbench';

/** The secrets a push was given, by SecretRequest.key, and which of them Trunkline generated. */
export interface PushSecrets {
  readonly values: ReadonlyMap<string, string>;
  readonly generated: readonly SecretRequest[];
}

/**
 * Asks for each password the plans need and no file holds (a CarrierX endpoint's SIP passwords),
 * in the style of the SIP credential prompt: Generate a strong one, or type one in a masked box
 * checked as it is typed. Secrets already given (`given`, e.g. before a re-plan) are not asked
 * again. Escape cancels the push (UserCancelledError): nothing is sent. The values live only in
 * memory and in the requests; nothing here logs them or puts them in a message.
 */
export async function askPushSecrets(ctx: { input: UserInput }, plans: readonly DocumentPlan[], given?: PushSecrets): Promise<PushSecrets> {
  const values = new Map(given?.values);
  const generated = [...(given?.generated ?? [])];
  for (const request of secretRequestsOf(plans)) {
    if (values.has(request.key)) continue;
    const title = t('Push: {0}', request.what);
    const choice = await ctx.input.pick(
      [
        { label: t('Generate a strong password'), description: t('copied to the clipboard once it is set'), icon: 'sparkle', value: 'generate' as const },
        { label: t('Type a password…'), icon: 'lock', value: 'type' as const },
      ],
      { title, placeholder: t('A trunk file never holds a password: give {0}', request.what) },
    );
    if (choice === 'generate') {
      values.set(request.key, generateSipPassword());
      generated.push(request);
      continue;
    }
    const value = await ctx.input.input({
      title,
      prompt: t('Type {0}. Trunkline sends it to the provider and does not keep it.', request.what),
      password: true,
      validate: (v) => {
        if (secretProblem(request, v) === undefined) return undefined;
        return request.rule === 'sip-password' ? t('Twilio needs at least 12 characters, with a digit, a lower-case and an upper-case letter.') : t('The password cannot be empty.');
      },
    });
    values.set(request.key, value);
  }
  return { values, generated };
}

/** After the push set them (the operations `applied`): each generated password, offered for the clipboard (the provider's copy is the only other). */
export async function handOverPushSecrets(ctx: { workbench: Workbench }, secrets: PushSecrets, applied: readonly PlanOperation[]): Promise<void> {
  const sent = new Set(secretRequestsOfOperations(applied).map((r) => r.key));
  for (const request of secrets.generated) {
    const value = secrets.values.get(request.key);
    if (value === undefined || !sent.has(request.key)) continue;
    const copy = t('Copy Password');
    const choice = await ctx.workbench.info(t('Trunkline generated {0}: copy it now and set it on your SIP equipment. Trunkline does not keep it.', request.what), copy);
    if (choice === copy) await ctx.workbench.writeClipboard(value);
  }
}
