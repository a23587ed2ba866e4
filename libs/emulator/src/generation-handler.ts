import { type EmulatedError } from './behaviour';
import { type BehaviourScript } from './behaviour-script';
import { type DialectResponder } from './dialect-responder';
import { type Exchange } from './exchange';
import { pause } from './pause';
import { planReply } from './reply-plan';
import { lastUserText, requestTextCharacters } from './request-text';
import { sendJson } from './send-json';
import { openSseResponse } from './sse-writer';
import { playStream } from './stream-player';

/** Answers a chat, messages or responses request: validate, choose a behaviour, wait, then error, reply or stream. */
export async function handleGeneration(responder: DialectResponder, exchange: Exchange, script: BehaviourScript): Promise<void> {
  const { res } = exchange;
  const body = exchange.body;
  if (!exchange.bodyIsJson || typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendError(responder, exchange, { status: 400, message: 'The request body is not valid JSON.' });
    return;
  }
  const fields = body as Record<string, unknown>;
  const invalid = responder.validate(fields);
  if (invalid) {
    sendError(responder, exchange, { status: 400, message: invalid });
    return;
  }

  const chosen = script.choose(lastUserText(responder.dialect, fields));
  const plan = planReply(chosen.behaviour, chosen.userText, requestTextCharacters(fields));
  await pause(plan.delayMs, res);
  if (res.destroyed) return;
  if (plan.immediateError) {
    sendError(responder, exchange, plan.immediateError);
    return;
  }

  const request = { body: fields, model: fields.model as string };
  if (fields.stream !== true) {
    // There are no chunks to count in a plain response: a disconnect drops it, a mid-stream error becomes the answer.
    if (plan.disconnectAfterChunks !== undefined) exchange.disconnect();
    else if (plan.streamError) sendError(responder, exchange, plan.streamError);
    else sendJson(res, 200, responder.responseBody(plan, request), responder.headers());
    return;
  }

  openSseResponse(res, responder.headers());
  const streamError = plan.streamError ?? { status: 500 };
  await playStream(res, responder.streamFrames(plan, request), plan, {
    errorFrame: (framesWritten) => responder.streamErrorFrame(streamError, framesWritten),
    disconnect: () => exchange.disconnect(),
  });
}

function sendError(responder: DialectResponder, exchange: Exchange, error: EmulatedError): void {
  const headers = responder.headers();
  if (error.retry_after !== undefined) headers['retry-after'] = String(error.retry_after);
  sendJson(exchange.res, error.status, responder.errorBody(error), headers);
}
