import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mailbox {
  /** For the server's SMTP_URL. */
  url: string;
  /** The 6-digit code of the next mail to `email` (one already waiting counts); each mail is read once, as the user reads it. */
  nextCode(email: string): Promise<string>;
  close(): Promise<void>;
}

/** A local SMTP server that keeps every mail, so a test (the browser suite in e2e/) can read the codes the site sends. */
export async function startMailbox(): Promise<Mailbox> {
  const inbox: Array<{ to: string[]; raw: string }> = [];
  const waiting = new Set<() => void>();
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()), raw });
        for (const wake of waiting) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;

  const take = (email: string): string | undefined => {
    for (let i = 0; i < inbox.length; i++) {
      const mail = inbox[i]!;
      const code = /Your code: (\d{6})/.exec(mail.raw)?.[1];
      if (code && mail.to.includes(email.toLowerCase())) {
        inbox.splice(i, 1); // read once: a second code for the same address is a new mail
        return code;
      }
    }
    return undefined;
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    nextCode(email) {
      return new Promise((resolve, reject) => {
        const wake = () => {
          const code = take(email);
          if (code === undefined) return;
          waiting.delete(wake);
          clearTimeout(timer);
          resolve(code);
        };
        const timer = setTimeout(() => {
          waiting.delete(wake);
          reject(new Error(`no code mailed to ${email}; mails so far:\n${inbox.map((m) => m.raw).join('\n---\n')}`));
        }, 10_000);
        waiting.add(wake);
        wake();
      });
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
