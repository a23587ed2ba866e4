import { Injectable } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type Principal } from '../auth/principal';
import { type ClientEndpoint, type RequestOutcome } from '../observability/request-outcome';
import { type InboundRequest } from './inbound-request';

/** What an admission check sees of a request, once its body is read and its model routed. */
export interface AdmissionRequest {
  principal?: Principal;
  endpoint: ClientEndpoint;
  /** The model name the client sent (may be "auto"). */
  requestedModel: string;
  /** The configured model routing chose. */
  routedModel: string;
  inbound: InboundRequest;
  headers: FastifyRequest['headers'];
}

/** What an admitted request carries until it ends: headers for the response, and what to do when it is over. */
export interface Admission {
  headers?: Record<string, string>;
  /** Called once when the request ended, with its outcome (settle token counts, release a concurrency slot). */
  settle?(outcome: RequestOutcome): void;
}

/** One gate a request must pass: throws a GatewayError to refuse (403 model not allowed, 429 over a limit or budget). */
export interface AdmissionCheck {
  admit(request: AdmissionRequest): Admission | undefined | Promise<Admission | undefined>;
}

/**
 * The gates between routing and the upstream call, in the order of their `order` (allow-list 10, budget 20,
 * rate limits 30). Each admission is pushed into `admitted` as soon as it is granted, so that when a later gate
 * refuses, the earlier ones are still settled when the request ends.
 */
@Injectable()
export class AdmissionChecks {
  private checks: { order: number; check: AdmissionCheck }[] = [];

  register(check: AdmissionCheck, order: number): void {
    this.checks = [...this.checks, { order, check }].sort((a, b) => a.order - b.order);
  }

  async admit(request: AdmissionRequest, admitted: Admission[]): Promise<void> {
    for (const { check } of this.checks) {
      const admission = await check.admit(request);
      if (admission) admitted.push(admission);
    }
  }
}
