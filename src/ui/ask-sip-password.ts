import { generateSipPassword } from '../core/providers/twilio/generate-sip-password';
import { sipPasswordProblems } from '../core/providers/twilio/sip-auth-rules';
import { t } from './l10n';
import type { UserInput } from './user-input';
import type { Workbench } from './workbench';

/** The part of the CommandContext a password prompt uses. */
export interface PasswordContext {
  readonly input: UserInput;
  readonly workbench: Workbench;
}

/** A password the user typed, or one Trunkline generated (then handed over once it is set). */
export interface SipPassword {
  readonly value: string;
  readonly generated: boolean;
}

/**
 * Asks for a SIP password: Generate (a strong one), or typed in a masked box checked as it is
 * typed (against Twilio's rules for a Twilio credential; CarrierX states none). The password lives only in memory and in the
 * request; nothing here logs it or puts it in a message.
 */
export async function askSipPassword(ctx: PasswordContext, title: string, username: string, provider: 'twilio' | 'carrierx' = 'twilio'): Promise<SipPassword> {
  const choice = await ctx.input.pick(
    [
      { label: t('Generate a strong password'), description: t('copied to the clipboard once it is set'), icon: 'sparkle', value: 'generate' as const },
      { label: t('Type a password…'), icon: 'lock', value: 'type' as const },
    ],
    { title, placeholder: t('Password for "{0}"', username) },
  );
  if (choice === 'generate') return { value: generateSipPassword(), generated: true };
  if (provider === 'carrierx') {
    // CarrierX states no password rules; the box refuses only what no PBX could send.
    const value = await ctx.input.input({
      title,
      prompt: t('Password for "{0}", as the far side expects it.', username),
      password: true,
      validate: (v) => (v === '' ? t('Enter a password, or choose Generate.') : /\s/.test(v) ? t('A SIP password has no spaces.') : undefined),
    });
    return { value, generated: false };
  }
  const value = await ctx.input.input({
    title,
    prompt: t('Password for "{0}": at least 12 characters, with a digit, a lower-case and an upper-case letter.', username),
    password: true,
    validate: (v) => {
      const problems = sipPasswordProblems(v);
      return problems.length === 0 ? undefined : t('Twilio needs {0}.', problems.map(translateProblem).join(', '));
    },
  });
  return { value, generated: false };
}

/** After the password was set: a generated one goes to the clipboard once, with what to do with it. */
export async function handOverSipPassword(ctx: PasswordContext, password: SipPassword, username: string, provider: 'twilio' | 'carrierx' = 'twilio'): Promise<void> {
  if (!password.generated) return;
  await ctx.workbench.writeClipboard(password.value);
  void ctx.workbench.info(
    provider === 'carrierx'
      ? t('The new password of "{0}" is on the clipboard: set it on your SIP equipment now. Trunkline does not keep it and never shows it.', username)
      : t('The new password of "{0}" is on the clipboard: paste it into your PBX now. Trunkline does not keep it and Twilio never shows it again.', username),
  );
}

function translateProblem(problem: string): string {
  switch (problem) {
    case 'a digit':
      return t('a digit');
    case 'a lower-case letter':
      return t('a lower-case letter');
    case 'an upper-case letter':
      return t('an upper-case letter');
    default:
      return t('at least {0} characters', 12);
  }
}
