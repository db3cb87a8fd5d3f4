import type { Logger } from 'pino';
import type { Transporter } from 'nodemailer';

/**
 * Outgoing mail over SMTP (SMTP_URL). Without it mail is off: `enabled` is false and codes are
 * neither sent nor required. nodemailer loads on the first mail, so a relay-only node never
 * pays for it. The URL carries the SMTP password: nothing here logs or rethrows text that could
 * contain it, and callers tell users only that sending failed.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  readonly enabled: boolean;
  /** Rejects with MailError when the server refuses or cannot be reached. */
  send(message: MailMessage): Promise<void>;
}

/** A sending failure, with a description that is safe to log (no credentials). */
class MailError extends Error {}

export function createMailer(config: { smtpUrl: string | undefined; mailFrom: string }, log: Logger): Mailer {
  const url = config.smtpUrl;
  if (!url) {
    return {
      enabled: false,
      async send() {
        throw new MailError('mail is off (SMTP_URL is not set)');
      },
    };
  }
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= (async () => {
      const [{ default: nodemailer }, { default: SMTPTransport }] = await Promise.all([
        import('nodemailer'),
        import('nodemailer/lib/smtp-transport/index.js'),
      ]);
      // nodemailer's defaults wait minutes for a dead server; a user waiting for a code should not.
      return nodemailer.createTransport(new SMTPTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }));
    })());
  const secrets = secretsOf(url);
  return {
    enabled: true,
    async send(message) {
      try {
        await (await open()).sendMail({ from: config.mailFrom, ...message });
      } catch (err) {
        const e = err as { message?: unknown; code?: unknown; responseCode?: unknown };
        const safe = redact(String(e.message ?? err), secrets);
        log.warn({ code: e.code, responseCode: e.responseCode, reason: safe }, 'sending mail failed');
        throw new MailError(safe);
      }
    },
  };
}

/** The password (raw and URL-decoded) of an SMTP URL: strings that must never reach a log line. */
function secretsOf(url: string): string[] {
  const password = new URL(url).password;
  if (!password) return [];
  return [...new Set([password, safeDecode(password)])].filter((s) => s.length > 0);
}

function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Escapes text for the HTML part of a mail. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
