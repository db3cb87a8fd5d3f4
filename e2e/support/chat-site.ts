import { startMockUpstream, type MockUpstream } from '@switchboard/testkit';
import { createChannel, createUser } from '../../packages/server/test/harness.js';
import { startSite, type Site } from './site.js';

const POINT = 1_000_000;

/** The models the chat offers in the browser suite: a priced one, a free one open to visitors, and one without a price. */
export const models = { priced: 'chat-model', free: 'free-model', unpriced: 'unpriced-model' } as const;

export interface ChatSite extends Site {
  mock: MockUpstream;
  /** A user with `points` on their balance; answers the session token. */
  user(name: string, points?: number): Promise<string>;
}

/**
 * The site with an upstream to chat with: the testkit's mock OpenAI upstream behind one channel,
 * the models in the market (so the model picker offers them) and priced (1 point per call for the
 * priced one; the free one open to signed-out visitors).
 */
export async function startChatSite(): Promise<ChatSite> {
  const site = await startSite();
  const mock = await startMockUpstream({ apiKeys: ['sk-up'] });
  const { server } = site;
  const root = await server.rootToken();
  await createChannel(server, root, { name: 'up', base_url: mock.url, keys: 'sk-up', models: Object.values(models) });
  await server.api('PUT', `/api/admin/prices/${models.priced}`, { mode: 'request', per_request: POINT }, root);
  await server.api('PUT', `/api/admin/prices/${models.free}`, { mode: 'free', anonymous: true }, root);
  await server.api('PUT', `/api/admin/market/${models.priced}`, { name: 'Chat Model', description: 'The priced test model', default: true, avatar: 'openai' }, root);
  await server.api('PUT', `/api/admin/market/${models.free}`, { name: 'Free Model', description: 'Free for everyone', avatar: 'deepseek' }, root);
  return {
    ...site,
    mock,
    async user(name, points = 100) {
      const token = await createUser(server, name);
      const me = await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token);
      await server.ctx.ledger.post({ userId: me.body.id, kind: 'adjust', amount: points * POINT, note: 'e2e credit' });
      return token;
    },
    async close() {
      await site.close();
      await mock.close();
    },
  };
}
