import type { UpstreamFailure } from '../../providers/upstream-error.js';

/**
 * Transport errors in plain words. The raw messages name hosts and ports ("connect
 * ECONNREFUSED 10.0.0.5:443"), which upstream hiding would have to scrub anyway.
 */
export function networkFailure(err: unknown): UpstreamFailure {
  const code = (err as { code?: string } | null)?.code ?? '';
  let message: string;
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      message = 'upstream did not answer in time';
      break;
    case 'UND_ERR_BODY_TIMEOUT':
      message = 'upstream stream went idle for too long';
      break;
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
      message = 'upstream closed the connection';
      break;
    case 'ECONNREFUSED':
      message = 'upstream refused the connection';
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      message = 'upstream host could not be resolved';
      break;
    default:
      message = 'upstream connection failed';
  }
  return { kind: 'network', status: 0, message, retryable: true };
}
