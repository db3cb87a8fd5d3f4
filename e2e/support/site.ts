import { fileURLToPath } from 'node:url';
import { hasWebApp } from '../../packages/server/src/http/web-app.js';
import { startTestServer, stopAll, type TestServer } from '../../packages/server/test/harness.js';
import { startMailbox, type Mailbox } from '../../packages/server/test/mailbox.js';

export interface Site {
  server: TestServer;
  mailbox: Mailbox;
  close(): Promise<void>;
}

const webDist = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));

/**
 * The real server in this process on a fresh SQLite database, serving the built web app, with
 * mail going to a local mailbox (so registration asks for a mailed code, as on a real site).
 */
export async function startSite(): Promise<Site> {
  if (!hasWebApp(webDist)) throw new Error(`no built web app in ${webDist}: run "npm run build" first (npm test does)`);
  const mailbox = await startMailbox();
  const server = await startTestServer({ env: { SMTP_URL: mailbox.url, MAIL_FROM: 'Switchboard <noreply@example.com>' } });
  return {
    server,
    mailbox,
    async close() {
      await stopAll();
      await mailbox.close();
    },
  };
}
