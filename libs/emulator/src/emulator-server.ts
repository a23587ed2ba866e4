import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { anthropicMessagesResponder } from './anthropic-messages-responder';
import { type EmulatorBehaviour } from './behaviour';
import { BehaviourScript } from './behaviour-script';
import { answerCountTokens } from './count-tokens-responder';
import { answerEmbeddings } from './embeddings-responder';
import { anthropicErrorBody, openAiErrorBody } from './error-bodies';
import { type Exchange } from './exchange';
import { createFastResponder } from './fast-responder';
import { handleGeneration } from './generation-handler';
import { answerModels } from './models-responder';
import { openAiChatResponder } from './openai-chat-responder';
import { openAiResponsesResponder } from './openai-responses-responder';
import { readBody } from './read-body';
import { type RequestRecord, RequestLog } from './request-record';
import { sendJson } from './send-json';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Benchmark mode: fixed precomputed replies, no recording, no directives. */
  fast?: boolean;
  /** Fast mode: text deltas a streamed reply is split into (default 8). */
  streamChunks?: number;
  /** Fast mode: pause between streamed text deltas (default 0). */
  streamChunkDelayMs?: number;
  /** What GET /v1/models lists. */
  models?: string[];
}

const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4.1', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'Qwen/Qwen2.5-7B-Instruct', 'text-embedding-3-small'];

/** A running emulator: its address, the requests it saw, and the script of what it answers. */
export class Emulator {
  readonly url: string;
  readonly port: number;
  private readonly script = new BehaviourScript();
  private readonly log = new RequestLog();

  private constructor(
    private readonly server: Server,
    host: string,
  ) {
    this.port = (server.address() as AddressInfo).port;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const host = options.host ?? '127.0.0.1';
    const server = createServer();
    // Longer than the clients' keep-alive so the emulator is never the side that closes an idle pooled connection.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const emulator = new Emulator(server, host);
    const models = options.models ?? DEFAULT_MODELS;
    if (options.fast) {
      const fast = createFastResponder({ streamChunks: options.streamChunks ?? 8, streamChunkDelayMs: options.streamChunkDelayMs ?? 0 });
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        if (!fast(req, res)) void emulator.handle(req, res, models, false);
      });
    } else {
      server.on('request', (req: IncomingMessage, res: ServerResponse) => void emulator.handle(req, res, models, true));
    }
    return emulator;
  }

  /** Every request seen, oldest first (empty in fast mode). */
  get requests(): RequestRecord[] {
    return this.log.records;
  }

  /** Queues behaviours for the next generation requests, one each, first in first out. */
  enqueue(...behaviours: EmulatorBehaviour[]): void {
    this.script.enqueue(...behaviours);
  }

  /** The behaviour for requests with nothing queued and no directive; undefined goes back to echo. */
  setDefault(behaviour: EmulatorBehaviour | undefined): void {
    this.script.setDefault(behaviour);
  }

  /** Behaviours still queued. */
  get pendingBehaviours(): number {
    return this.script.pending;
  }

  /** Forgets the recorded requests. */
  clear(): void {
    this.log.clear();
  }

  /** Forgets the recorded requests, the queue and the default behaviour. */
  reset(): void {
    this.log.clear();
    this.script.reset();
  }

  waitForRequests(count: number, timeoutMs = 5_000): Promise<RequestRecord[]> {
    return this.log.waitUntil((records) => records.length >= count, timeoutMs, `${count} requests`);
  }

  /** Resolves once `check` holds for the records; re-checked whenever a request arrives, completes or is aborted. */
  waitUntil(check: (records: RequestRecord[]) => boolean, timeoutMs = 5_000): Promise<RequestRecord[]> {
    return this.log.waitUntil(check, timeoutMs, 'a condition on the requests');
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, models: readonly string[], recording: boolean): Promise<void> {
    try {
      const rawBody = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://emulator');
      const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
      const parsed = parseJson(rawBody);
      let disconnectedOnPurpose = false;
      const exchange: Exchange = {
        req,
        res,
        body: parsed.value,
        bodyIsJson: parsed.ok,
        disconnect: () => {
          disconnectedOnPurpose = true;
          res.socket?.destroy();
          res.destroy();
        },
      };
      if (recording) {
        const record: RequestRecord = {
          method: req.method ?? 'GET',
          path,
          query: Object.fromEntries(url.searchParams),
          headers: req.headers,
          body: parsed.value,
          rawBody,
          receivedAt: Date.now(),
          status: undefined,
          completed: false,
          aborted: false,
        };
        res.once('finish', () => {
          record.status = res.statusCode;
          record.completed = true;
          this.log.changed();
        });
        res.once('close', () => {
          if (res.writableFinished) return;
          if (res.headersSent) record.status = res.statusCode;
          record.aborted = !disconnectedOnPurpose;
          this.log.changed();
        });
        this.log.add(record);
      }
      await this.route(req.method ?? 'GET', path, exchange, models);
    } catch (error) {
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, openAiErrorBody({ status: 500, message: String(error) }));
      else res.destroy();
    }
  }

  private async route(method: string, path: string, exchange: Exchange, models: readonly string[]): Promise<void> {
    const route = `${method} ${path}`;
    switch (route) {
      case 'POST /v1/chat/completions':
        return handleGeneration(openAiChatResponder, exchange, this.script);
      case 'POST /v1/messages':
        return handleGeneration(anthropicMessagesResponder, exchange, this.script);
      case 'POST /v1/responses':
        return handleGeneration(openAiResponsesResponder, exchange, this.script);
      case 'POST /v1/messages/count_tokens':
        return answerCountTokens(exchange);
      case 'POST /v1/embeddings':
        return answerEmbeddings(exchange);
      case 'GET /v1/models':
        return answerModels(exchange, models);
      default: {
        const error = { status: 404, message: `No route for ${route}` };
        const body = path.startsWith('/v1/messages') ? anthropicErrorBody(error) : openAiErrorBody(error);
        sendJson(exchange.res, 404, body);
      }
    }
  }
}

export function startEmulator(options?: EmulatorOptions): Promise<Emulator> {
  return Emulator.start(options);
}

function parseJson(raw: Buffer): { ok: boolean; value: unknown } {
  if (raw.length === 0) return { ok: false, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false, value: undefined };
  }
}
