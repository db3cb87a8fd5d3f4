// The server side of one WebSocket connection over a raw socket that an HTTP server handed
// over on 'upgrade': the 101 answer, reading messages, ping → pong, and the close handshake.
// Spark specifics live in spark-mock.ts.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { acceptKey, closeCode, closePayload, encodeFrame, FrameReader, MessageAssembler, OPCODE } from './ws-frames.js';

export interface WsConnection {
  /** Sends a text message (no-op once the connection is closing). */
  send(text: string): void;
  /** Starts the close handshake; the socket ends when the peer answers or after a grace period. */
  close(code?: number): void;
  readonly isOpen: boolean;
  /** Resolves with the peer's close code once the socket is gone (1006 when it dropped without one). */
  readonly closed: Promise<number>;
}

/** How long to wait for the peer's close frame after sending ours. */
const CLOSE_GRACE_MS = 1000;

/** Whether the request is a valid RFC 6455 upgrade; the reason when it is not. */
export function upgradeProblem(req: IncomingMessage): string | undefined {
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return 'Upgrade: websocket is required';
  if (req.headers['sec-websocket-version'] !== '13') return 'Sec-WebSocket-Version must be 13';
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || Buffer.from(key, 'base64').length !== 16) return 'Sec-WebSocket-Key must be 16 bytes in base64';
  return undefined;
}

/** Accepts the upgrade (101) and serves the connection; `onText` gets each text message. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, onText: (text: string, conn: WsConnection) => void): WsConnection {
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${acceptKey(String(req.headers['sec-websocket-key']))}\r\n\r\n`,
  );
  const reader = new FrameReader();
  const assembler = new MessageAssembler();
  let sentClose = false;
  let peerCode = 1006;
  let resolveClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));

  const write = (opcode: number, payload: Buffer | string) => {
    if (!socket.destroyed && socket.writable) socket.write(encodeFrame(opcode, payload));
  };
  const conn: WsConnection = {
    send: (text) => {
      if (!sentClose) write(OPCODE.text, text);
    },
    close: (code = 1000) => {
      if (sentClose) return;
      sentClose = true;
      write(OPCODE.close, closePayload(code));
      setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
    },
    get isOpen() {
      return !sentClose && !socket.destroyed;
    },
    closed,
  };

  const onData = (chunk: Buffer) => {
    let frames;
    try {
      frames = reader.push(chunk);
    } catch {
      socket.destroy();
      return;
    }
    for (const frame of frames) {
      const message = assembler.push(frame);
      if (!message) continue;
      if (message.opcode === OPCODE.text) onText(message.payload.toString('utf8'), conn);
      else if (message.opcode === OPCODE.ping) write(OPCODE.pong, message.payload);
      else if (message.opcode === OPCODE.close) {
        peerCode = closeCode(message.payload);
        // Echo the close (RFC 6455 §5.5.1) unless ours went first, then end the TCP connection.
        if (!sentClose) {
          sentClose = true;
          write(OPCODE.close, message.payload.subarray(0, 2));
        }
        socket.end();
      }
    }
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
  socket.on('close', () => resolveClosed(peerCode));
  if (head.length > 0) onData(head);
  return conn;
}
