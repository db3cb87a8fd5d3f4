import type { CodePurpose } from './email-codes.js';
import { escapeHtml, type MailMessage } from './mailer.js';

/** The mail that carries a one-time code: plain text and a simple HTML version. */
export function codeMail(site: string, purpose: CodePurpose, to: string, code: string, ttlMinutes: number): MailMessage {
  const what = purpose === 'register' ? 'Verification code' : 'Password reset code';
  const why =
    purpose === 'register'
      ? `Use it to finish creating your ${site} account.`
      : `Use it to set a new password for your ${site} account.`;
  const unasked = 'If you did not ask for it, ignore this mail; nothing changes.';
  const text = [`Your code: ${code}`, '', why, `It expires in ${ttlMinutes} minutes and works once.`, unasked, ''].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    `<p>Your code:</p><p style="font-size:28px;font-weight:bold;letter-spacing:4px">${code}</p>`,
    `<p>${escapeHtml(why)}<br>It expires in ${ttlMinutes} minutes and works once.</p>`,
    `<p style="color:#666">${escapeHtml(unasked)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject: `${site} | ${what}`, text, html };
}
