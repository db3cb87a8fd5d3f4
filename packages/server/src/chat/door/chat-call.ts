import type { IrRequest } from '@switchboard/protocol';
import { nextRequestId } from '../../crypto/tokens.js';
import type { NewUsageLog } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { Principal } from '../../principal.js';
import { channelTypeById } from '../../providers/channel-types.js';
import { relayGeneration, type GenerationDeps } from '../../relay/generate/generate.js';
import { inboundRequest } from '../../relay/generate/inbound.js';
import type { RouterSnapshot } from '../../relay/routing/router.js';
import { chatCodec, type ChatPiece } from './chat-codec.js';
import { ChatOutput } from './chat-output.js';

/** Who makes a chat call, and from where (usage rows, limits). */
export interface ChatCaller {
  user: Principal;
  /** The client address of the request that started the call. */
  ip: string;
}

/** One call of the chat app into the relay core. */
export interface ChatCallRequest extends ChatCaller {
  /** What to send, `model` being the name the user chose (routed like an API caller's). */
  ir: IrRequest;
  /** Aborting it stops the call; what was delivered is settled. */
  stop?: AbortSignal;
  /** The call's request id (its usage row and reservation), when the caller stored it beforehand. */
  requestId?: string;
}

export interface ChatCallResult {
  /** 'stopped': the stop signal ended it; 'error': refused, failed, or broken mid-answer. */
  status: 'done' | 'stopped' | 'error';
  finishReason: string | null;
  /** What the user may read: billing's and the router's refusals, upstream errors hidden as on `/v1`. */
  error: string | null;
  errorCode: string | null;
  requestId: string;
  /** The settled usage row: tokens, cost, timings; undefined when the call was refused before admission. */
  row: NewUsageLog | undefined;
  /** The plan item whose use paid for the call, if one did. */
  planItem: string | null;
  /** The display name of the provider that answered (never the channel's name or address). */
  provider: string | null;
}

/**
 * The chat door into the relay core: the same admission, routing, reservation, plans
 * (`viaApi` false, so plans that exclude the API still apply), response cache, settlement and
 * usage row (endpoint "chat", no key) as an API call, with no HTTP request in between. Pieces
 * of the answer reach `onPiece` as the core delivers them; a refusal or failure is returned,
 * not thrown.
 */
export async function chatCall(deps: GenerationDeps, request: ChatCallRequest, onPiece: (piece: ChatPiece) => void): Promise<ChatCallResult> {
  const { ir, user } = request;
  const body = ir as unknown as Record<string, unknown>;
  const requestId = request.requestId ?? nextRequestId();
  let finishReason: string | null = null;
  let streamError: string | null = null;
  const watch = (piece: ChatPiece) => {
    if (piece.type === 'finish') finishReason = piece.reason;
    else if (piece.type === 'error') streamError = piece.message;
    onPiece(piece);
  };
  const watched = new ChatOutput(watch, request.stop);
  const inbound = inboundRequest(
    {
      codec: chatCodec,
      endpoint: 'chat',
      model: ir.model,
      stream: ir.stream,
      includeUsage: true,
      body,
      ...(ir.maxOutputTokens !== undefined ? { maxOutputTokens: ir.maxOutputTokens } : {}),
      passHeaders: {},
    },
    () => ir,
  );
  let refused: AppError | undefined;
  try {
    await relayGeneration(deps, {
      requestId,
      caller: { keyId: null, user, quotaLimit: null, rpm: null, tpm: null },
      inbound,
      bodyBytes: JSON.stringify(body).length,
      ip: request.ip,
      output: watched,
      startedAt: performance.now(),
      viaApi: false,
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    refused = err;
  }
  const row = watched.row;
  const stopped = request.stop?.aborted === true || row?.status === 'aborted';
  const error = refused?.message ?? streamError ?? (row?.status === 'error' ? (row.error ?? 'the answer failed') : null);
  return {
    status: stopped && !refused ? 'stopped' : error ? 'error' : 'done',
    finishReason,
    error,
    errorCode: refused?.code ?? (error ? 'upstream_stream_failed' : null),
    requestId,
    row,
    provider: row?.channel_id ? providerOf(deps.directory.snapshot, ir.model, Number(row.channel_id)) : null,
    planItem: watched.planItem ?? null,
  };
}

/** The channel type's display name ("OpenAI", "DeepSeek" …) of the channel that answered. */
function providerOf(snapshot: RouterSnapshot, model: string, channelId: number): string | null {
  for (const tier of snapshot.tiersByModel.get(model) ?? []) {
    const channel = tier.channels.find((c) => c.id === channelId);
    if (channel) return channelTypeById(channel.type)?.name ?? channel.type;
  }
  return null;
}
