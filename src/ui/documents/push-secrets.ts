import { secretRequestsOf } from '../../core/documents/apply/secret-requests';
import type { DocumentPlan } from '../../core/documents/plan/document-plan';
import { askSipPassword, handOverSipPassword, type PasswordContext, type SipPassword } from '../ask-sip-password';
import { t } from '../l10n';

/** The secrets a push needs, asked for before it starts (in memory only), and the generated ones to hand over after. */
export interface PushSecrets {
  secrets: Map<string, string>;
  generated: { password: SipPassword; username: string }[];
}

/**
 * Asks for each secret the plans need (a new SIP username's password) with the password input
 * (Generate, or typed and checked as it is typed). Cancelling any prompt rejects (the command
 * wrapper reports a cancellation): nothing has been sent.
 */
export async function askPushSecrets(ctx: PasswordContext, plans: readonly DocumentPlan[]): Promise<PushSecrets> {
  const secrets = new Map<string, string>();
  const generated: PushSecrets['generated'] = [];
  for (const request of secretRequestsOf(plans)) {
    const password = await askSipPassword(ctx, t('Password for the new SIP username "{0}"', request.name), request.name);
    secrets.set(request.key, password.value);
    if (password.generated) generated.push({ password, username: request.name });
  }
  return { secrets, generated };
}

/**
 * After the push: the first generated password goes to the clipboard; each further one when the
 * user asks for it (the clipboard holds one at a time, and each must reach the PBX).
 */
export async function handOverPushSecrets(ctx: PasswordContext, secrets: PushSecrets, created: (username: string) => boolean): Promise<void> {
  const made = secrets.generated.filter((g) => created(g.username));
  for (const [i, { password, username }] of made.entries()) {
    if (i > 0) {
      const copy = t('Copy');
      const choice = await ctx.input.ask(t('Copy the generated password of "{0}" to the clipboard?', username), { detail: t('Paste the previous one into your PBX first: the clipboard holds one at a time.'), actions: [copy] });
      if (choice !== copy) continue;
    }
    await handOverSipPassword(ctx, password, username);
  }
}
