import type { Logger } from 'pino';
import type { JobEventLog, JobEventLogLimits } from './job-event-log.js';
import { MemoryJobEventLog } from './memory-job-event-log.js';

export interface JobEventLogConfig {
  /** Redis when configured (REDIS_URL): readers on every node see every job. */
  redisUrl: string | undefined;
  redisPrefix: string;
  log: Logger;
  limits?: Partial<JobEventLogLimits>;
}

/** The job event log this deployment uses: Redis Streams with Redis, else this node's memory. */
export async function openJobEventLog(config: JobEventLogConfig): Promise<JobEventLog> {
  if (!config.redisUrl) return new MemoryJobEventLog(config.limits);
  const { RedisJobEventLog } = await import('./redis-job-event-log.js');
  return new RedisJobEventLog({ url: config.redisUrl, prefix: config.redisPrefix, log: config.log, ...(config.limits ? { limits: config.limits } : {}) });
}
