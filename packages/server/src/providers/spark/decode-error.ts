import type { IrErrorInfo } from '@switchboard/protocol';

/**
 * Reads a Spark error: a frame whose `header.code` is not 0, e.g.
 * `{"header": {"code": 10013, "message": "…", "sid": "…", "status": 2}}`. The transport's
 * non-stream answer is the ARRAY of an exchange's frames: the first erroring frame is the
 * error. Anything else (a successful frame or answer) is not an error: undefined.
 */
export function decodeError(body: unknown): IrErrorInfo | undefined {
  if (Array.isArray(body)) {
    for (const frame of body) {
      const info = frameError(frame);
      if (info) return info;
    }
    return undefined;
  }
  return frameError(body);
}

function frameError(frame: unknown): IrErrorInfo | undefined {
  if (!isRecord(frame) || !isRecord(frame.header)) return undefined;
  const { code, message } = frame.header;
  if (typeof code !== 'number' || code === 0) return undefined;
  return { message: typeof message === 'string' && message !== '' ? message : `Spark error ${code}`, code: String(code) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
