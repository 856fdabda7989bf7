/**
 * A local HTTP server that speaks the part of the Anthropic Messages API the Claude provider
 * uses (`POST /v1/messages`, https://docs.anthropic.com/en/api/messages), for tests anywhere in
 * the monorepo: `import { startFakeAnthropic } from '@brandsafe/generation/testing'`.
 *
 * It validates what the real API requires (a key — `x-api-key`, or `Authorization: Bearer` as
 * @anthropic-ai/sdk 1.x sends it — `anthropic-version`, a model,
 * `max_tokens` and a non-empty `messages` array, else a 400/401 error object), records every
 * request, and answers with the next queued reply as a proper `message` object.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The key the client authenticated with (`x-api-key` or the Bearer token). */
  apiKey: string | undefined;
  /** The parsed JSON body (`undefined` if it was not JSON). */
  body: MessagesBody | undefined;
}

/** The fields of a Messages API request body the fake reads. */
export interface MessagesBody {
  model?: string;
  max_tokens?: number;
  system?: string | { type: string; text: string }[];
  messages?: { role: string; content: string | { type: string; text?: string }[] }[];
  [key: string]: unknown;
}

/** A queued reply: text for a normal message, or an HTTP error. */
export type FakeReply =
  | string
  | { text: string; stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' }
  | { status: number; errorType?: string; message?: string };

export interface FakeAnthropic {
  /** Base URL to give the SDK (`baseURL`), e.g. `http://127.0.0.1:54321`. */
  url: string;
  requests: RecordedRequest[];
  /** Queue more replies. */
  reply(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

function errorBody(type: string, message: string): string {
  return JSON.stringify({ type: 'error', error: { type, message } });
}

/** Start the fake on 127.0.0.1 and an ephemeral port. Unqueued requests get a 500 api_error. */
export async function startFakeAnthropic(replies: FakeReply[] = []): Promise<FakeAnthropic> {
  const queue = [...replies];
  const requests: RecordedRequest[] = [];
  let ids = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: MessagesBody | undefined;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MessagesBody;
      } catch {
        body = undefined;
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const apiKey = (req.headers['x-api-key'] as string | undefined) ?? bearer;
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, apiKey, body });
      const send = (status: number, json: string): void => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${requests.length}` });
        res.end(json);
      };
      if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/messages') {
        return send(404, errorBody('not_found_error', `no route ${req.method} ${req.url}`));
      }
      if (!apiKey) return send(401, errorBody('authentication_error', 'an x-api-key or Authorization: Bearer header is required'));
      if (!req.headers['anthropic-version']) return send(400, errorBody('invalid_request_error', 'anthropic-version header is required'));
      if (!body || typeof body.model !== 'string' || typeof body.max_tokens !== 'number' || !Array.isArray(body.messages) || body.messages.length === 0) {
        return send(400, errorBody('invalid_request_error', 'model, max_tokens and messages are required'));
      }
      const next = queue.shift();
      if (next === undefined) return send(500, errorBody('api_error', 'the fake has no reply queued'));
      if (typeof next === 'object' && 'status' in next) {
        return send(next.status, errorBody(next.errorType ?? 'api_error', next.message ?? `HTTP ${next.status}`));
      }
      const text = typeof next === 'string' ? next : next.text;
      send(
        200,
        JSON.stringify({
          id: `msg_fake_${++ids}`,
          type: 'message',
          role: 'assistant',
          model: body.model,
          content: [{ type: 'text', text }],
          stop_reason: typeof next === 'string' ? 'end_turn' : (next.stopReason ?? 'end_turn'),
          stop_sequence: null,
          usage: { input_tokens: JSON.stringify(body).length >> 2, output_tokens: text.length >> 2 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...more) => void queue.push(...more),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
