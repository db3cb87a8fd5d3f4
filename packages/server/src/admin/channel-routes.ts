import { z } from 'zod';
import { idParams, type ApiRoutes } from '../http/api-routes.js';
import { notFound } from '../http/errors.js';
import { CHANNEL_TYPE_IDS, CHANNEL_TYPES, type ChannelTypePreset } from '../providers/channel-types.js';
import { channelCreateSchema, channelUpdateSchema, channelView } from './channel-schema.js';
import type { ChannelService } from './channels.js';

/** A preset as the API shows it: snake_case like every other /api answer. */
const channelTypeView = z.object({
  id: z.string(),
  name: z.string(),
  protocol: z.string().describe('the wire protocol the relay speaks to this upstream'),
  base_url: z.string().describe('default base URL; "" where it is per account (Azure) or unknown (custom)'),
  key_format: z.string().nullable().describe('how a key of several parts is written (joined by "|"); null for a plain API key'),
  models: z.array(z.string()).describe('template models'),
  docs: z.string().nullable().describe('vendor API documentation'),
});

function channelTypeViewOf(preset: ChannelTypePreset): z.infer<typeof channelTypeView> {
  return {
    id: preset.id,
    name: preset.name,
    protocol: preset.protocol,
    base_url: preset.baseUrl,
    key_format: preset.keyFormat ?? null,
    models: [...preset.models],
    docs: preset.docs ?? null,
  };
}

export function registerChannelRoutes(routes: ApiRoutes, channels: ChannelService): void {
  routes.add({
    method: 'GET',
    url: '/api/admin/channel-types',
    summary: 'Channel type presets: default base URL, template models, key format.',
    tag: 'channels',
    access: 'admin',
    response: z.object({ data: z.array(channelTypeView) }),
    async handler() {
      return { data: CHANNEL_TYPES.map(channelTypeViewOf) };
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/admin/channels',
    summary: 'List channels (keys masked).',
    tag: 'channels',
    access: 'admin',
    query: z.object({ tag: z.string().optional(), type: z.enum(CHANNEL_TYPE_IDS).optional() }),
    response: z.object({ data: z.array(channelView) }),
    async handler({ query }) {
      return { data: await channels.list(query) };
    },
  });
  routes.add({
    method: 'POST',
    url: '/api/admin/channels',
    summary: 'Create a channel. base_url and models default to the type preset.',
    tag: 'channels',
    access: 'admin',
    body: channelCreateSchema,
    status: 201,
    response: channelView,
    async handler({ body }) {
      return channels.create(body);
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/admin/channels/:id',
    summary: 'One channel (keys masked).',
    tag: 'channels',
    access: 'admin',
    params: idParams,
    response: channelView,
    async handler({ params }) {
      const view = await channels.get(params.id);
      if (!view) throw notFound(`channel ${params.id} not found`);
      return view;
    },
  });
  routes.add({
    method: 'PATCH',
    url: '/api/admin/channels/:id',
    summary: 'Change channel fields; omitted fields (keys included) stay as they are.',
    tag: 'channels',
    access: 'admin',
    params: idParams,
    body: channelUpdateSchema,
    response: channelView,
    async handler({ params, body }) {
      const view = await channels.update(params.id, body);
      if (!view) throw notFound(`channel ${params.id} not found`);
      return view;
    },
  });
  routes.add({
    method: 'DELETE',
    url: '/api/admin/channels/:id',
    summary: 'Delete a channel.',
    tag: 'channels',
    access: 'admin',
    status: 204,
    params: idParams,
    async handler({ params }) {
      if (!(await channels.remove(params.id))) throw notFound(`channel ${params.id} not found`);
      return undefined;
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/admin/channels/:id/secrets',
    summary: 'Reveal a channel’s keys, proxy and headers (root only).',
    tag: 'channels',
    access: 'root',
    params: idParams,
    response: z.object({ keys: z.string(), proxy: z.string().nullable(), headers: z.record(z.string(), z.string()) }),
    async handler({ params }) {
      const row = await channels.getRow(params.id);
      if (!row) throw notFound(`channel ${params.id} not found`);
      const open = channels.open(row);
      return { keys: open.keys.join('\n'), proxy: open.proxy, headers: open.headers };
    },
  });
}
