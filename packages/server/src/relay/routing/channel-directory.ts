import type { Logger } from 'pino';
import type { ChannelService, OpenChannel } from '../../admin/channels.js';
import type { InvalidationBus } from '../../kv/invalidation.js';
import { parseModelMapping } from './model-mapping.js';
import { buildSnapshot, type RoutableChannel, type RouterSnapshot } from './router.js';

/**
 * The routing snapshot of this node: enabled channels with secrets opened, indexed by
 * model. Rebuilt when any node changes a channel (pub/sub) and, as a safety net against
 * a missed message, every `refreshMs`. Requests read it synchronously.
 */
export class ChannelDirectory {
  private current: RouterSnapshot = buildSnapshot([]);
  private reloading: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly channels: ChannelService,
    bus: InvalidationBus,
    private readonly log: Logger,
    private readonly refreshMs: number,
  ) {
    bus.on((msg) => (msg.kind === 'channels' ? this.reload() : undefined));
  }

  get snapshot(): RouterSnapshot {
    return this.current;
  }

  async start(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.reload().catch(() => {}), this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Coalesces concurrent reloads: callers wait for a rebuild that started after their call. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      try {
        do {
          this.again = false;
          const open = await this.channels.loadEnabled();
          this.current = buildSnapshot(open.map(toRoutable));
        } while (this.again);
      } catch (err) {
        this.log.error({ err }, 'channel snapshot reload failed; keeping the previous one');
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }
}

function toRoutable(open: OpenChannel): RoutableChannel {
  const { row } = open;
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    baseUrl: row.base_url,
    keys: open.keys,
    models: JSON.parse(row.models) as string[],
    mapping: parseModelMapping(row.mapping).mapping,
    groups: JSON.parse(row.groups) as string[],
    priority: row.priority,
    weight: row.weight,
    retry: row.retry,
    headers: open.headers,
    proxy: open.proxy,
  };
}
