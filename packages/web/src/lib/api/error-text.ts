import { useTranslation } from 'react-i18next';
import { ApiError } from './client';

/** Error codes the app has its own words for; any other shows a generic line with the code. */
const knownCodes = [
  'network_error',
  'invalid_credentials',
  'account_banned',
  'too_many_attempts',
  'registration_closed',
  'email_domain_not_allowed',
  'username_taken',
  'email_taken',
  'invalid_code',
  'code_required',
  'code_recently_sent',
  'mail_disabled',
  'mail_failed',
  'invalid_request',
] as const;
type KnownCode = (typeof knownCodes)[number];

function isKnown(code: string): code is KnownCode {
  return (knownCodes as readonly string[]).includes(code);
}

/** Turns a failed call into a sentence in the user's language (the server's messages are English). */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const code = error instanceof ApiError ? error.code : 'unknown';
    return isKnown(code) ? t(`errors.${code}`) : t('errors.unknown', { code });
  };
}
