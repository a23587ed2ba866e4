import { type EmulatedError } from './behaviour';
import { type ReplyPlan } from './reply-plan';
import { type Dialect } from './request-text';
import { type SseFrame } from './sse-writer';

export interface ResponderRequest {
  body: Record<string, unknown>;
  model: string;
}

/** How one API renders a planned reply: its body, its stream, its errors. */
export interface DialectResponder {
  readonly dialect: Dialect;
  /** A 400 message when the body lacks what the real API requires; undefined when it is acceptable. */
  validate(body: Record<string, unknown>): string | undefined;
  errorBody(error: EmulatedError): unknown;
  /** Headers the provider sends with every answer (its request id). */
  headers(): Record<string, string>;
  responseBody(plan: ReplyPlan, request: ResponderRequest): unknown;
  streamFrames(plan: ReplyPlan, request: ResponderRequest): SseFrame[];
  streamErrorFrame(error: EmulatedError, framesWritten: number): string;
}
