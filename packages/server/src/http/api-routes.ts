import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeZodError } from '@switchboard/protocol';
import { isAdmin, type Principal } from '../principal.js';
import { badRequest, forbidden, unauthorized } from './errors.js';

/**
 * Declares a management route once: zod schemas validate the input at the boundary and
 * the same schemas produce the OpenAPI document served at /api/openapi.json.
 */
export type Access = 'public' | 'user' | 'admin' | 'root';

interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  principal: Principal | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B, Q, P> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** The body of a success, in the declared `status`. Leave out for 204 and for files. */
  response?: z.ZodType;
  /** The success status, 200 unless given; 204 routes answer no body. */
  status?: number;
  /** Other statuses the handler may set itself with `reply.code` (e.g. 503 from /api/ready), with what they mean. */
  otherStatuses?: Readonly<Record<number, string>>;
  /** The route answers a Server-Sent Events stream it writes itself (after `reply.hijack()`): what its events are. */
  eventStream?: string;
  handler(input: RouteInput<B, Q, P>): Promise<unknown>;
}

/** Resolves the caller of an /api request (session token as Bearer or cookie). */
export type Authenticate = (request: FastifyRequest) => Promise<Principal | null>;

export class ApiRoutes {
  private readonly specs: RouteSpec<unknown, unknown, unknown>[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly authenticate: Authenticate,
  ) {}

  add<B = undefined, Q = undefined, P = undefined>(spec: RouteSpec<B, Q, P>): void {
    this.app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const principal = spec.access === 'public' ? await this.authenticate(request).catch(() => null) : await this.require(request, spec.access);
        const input: RouteInput<B, Q, P> = {
          body: parse(spec.body, request.body, 'body'),
          query: parse(spec.query, request.query, 'query'),
          params: parse(spec.params, request.params, 'path'),
          principal,
          request,
          reply,
        };
        const result = await spec.handler(input);
        if (reply.sent) return reply;
        // The status answered is the one declared, so the OpenAPI document cannot disagree with it.
        const status = spec.status ?? 200;
        if ((status === 204) !== (result === undefined)) {
          throw new Error(`${spec.method} ${spec.url} declares ${status} but its handler returned ${result === undefined ? 'nothing' : 'a body'}`);
        }
        if (!(spec.otherStatuses && reply.statusCode in spec.otherStatuses)) reply.code(status);
        return result === undefined ? reply.send() : reply.send(result);
      },
    });
    this.specs.push(spec as RouteSpec<unknown, unknown, unknown>);
  }

  openapi(info: { title: string; version: string }): unknown {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const spec of this.specs) document(paths, spec);
    return {
      openapi: '3.1.0',
      info,
      components: {
        securitySchemes: { session: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/auth/login' } },
      },
      paths,
    };
  }

  private async require(request: FastifyRequest, access: Access): Promise<Principal> {
    const principal = await this.authenticate(request);
    if (!principal) throw unauthorized('sign in first: send the session token as "Authorization: Bearer <token>"');
    if (access === 'admin' && !isAdmin(principal)) throw forbidden('administrators only');
    if (access === 'root' && principal.role !== 'root') throw forbidden('root only');
    return principal;
  }

}

function document(paths: Record<string, Record<string, unknown>>, spec: RouteSpec<unknown, unknown, unknown>): void {
  const path = spec.url.replace(/:(\w+)/g, '{$1}');
  const op: Record<string, unknown> = { summary: spec.summary, tags: [spec.tag] };
  if (spec.access !== 'public') op.security = [{ session: [] }];
  const parameters: unknown[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s });
    }
  }
  if (parameters.length) op.parameters = parameters;
  if (spec.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: z.toJSONSchema(spec.body, { io: 'input', unrepresentable: 'any' }) } },
    };
  }
  const status = spec.status ?? 200;
  const body = spec.eventStream
    ? { content: { 'text/event-stream': { schema: { type: 'string', description: spec.eventStream } } } }
    : spec.response
      ? { content: { 'application/json': { schema: z.toJSONSchema(spec.response, { unrepresentable: 'any' }) } } }
      : {};
  const responses: Record<string, unknown> = { [String(status)]: { description: status === 204 ? 'No content' : 'OK', ...body } };
  // A 304 never has a body (RFC 9110 §15.4.5).
  for (const [other, description] of Object.entries(spec.otherStatuses ?? {})) responses[other] = { description, ...(other === '304' ? {} : body) };
  responses['4XX'] = { description: 'Error: {"error":{"code","message"}}' };
  op.responses = responses;
  (paths[path] ??= {})[spec.method.toLowerCase()] = op;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw badRequest(`invalid ${where}: ${describeZodError(result.error)}`, 'validation_failed');
  return result.data;
}

export const idParams = z.object({ id: z.coerce.number().int().positive() });

