import type { ServerResponse } from 'node:http';
import { EventStream, sseMessage, type PresetHeaders } from '../../http/event-stream.js';
import type { JobEventLog } from './job-event-log.js';

export interface AttachOptions {
  /** A comment is sent after this long without an event, so proxies keep the connection. */
  keepAliveMs: number;
  /** Stops the stream (the node is shutting down); the client re-attaches, through another node if there is one. */
  signal?: AbortSignal;
  /** Headers already decided for this response (CORS). */
  headers?: PresetHeaders;
}

/**
 * Streams a job's events to one client over SSE (W-3): those after `lastEventId` (its
 * `Last-Event-ID`), then the live ones, and ends the response when the job ends. A client
 * that goes away only stops its own reading; the job and its log go on. Resolves when the
 * response is over; rejects (the response ended) when the log fails, for the caller to log.
 */
export async function streamJobEvents(res: ServerResponse, log: JobEventLog, jobId: string, lastEventId: string | undefined, options: AttachOptions): Promise<void> {
  const stop = new AbortController();
  const abort = () => stop.abort();
  res.once('close', abort);
  options.signal?.addEventListener('abort', abort);
  if (options.signal?.aborted) stop.abort();
  const stream = new EventStream(res, options.keepAliveMs, options.headers);
  try {
    for await (const event of log.read(jobId, lastEventId, stop.signal)) {
      await stream.send(sseMessage(event.event, event.data, event.id));
      if (stop.signal.aborted) break;
    }
  } finally {
    res.off('close', abort);
    options.signal?.removeEventListener('abort', abort);
    stream.end();
  }
}
