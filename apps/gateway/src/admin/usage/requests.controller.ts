import { Readable } from 'node:stream';
import { type RequestLogPage, requestLogQuerySchema } from '@gatehouse/contracts';
import { Get, Inject, Query, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { type z } from 'zod';
import { decodeRequestLogCursor, encodeRequestLogCursor } from '../../usage/request-log-cursor';
import { RequestLog, type RequestLogFilters } from '../../usage/request-log';
import { AdminApi } from '../admin-api.decorator';
import { AdminValidationError } from '../admin-validation-error';
import { validated } from '../validated';
import { requestLogCsv } from './request-log-csv';
import { requestLogEntryOf } from './request-log-entry';

type RequestLogQuery = z.output<typeof requestLogQuerySchema>;

@AdminApi('requests')
export class RequestsController {
  constructor(@Inject(RequestLog) private readonly log: RequestLog) {}

  @Get()
  async page(@Query() query: unknown): Promise<RequestLogPage> {
    const parsed = validated(requestLogQuerySchema, query, 'query');
    const after = parsed.cursor === undefined ? undefined : decodeRequestLogCursor(parsed.cursor);
    if (parsed.cursor !== undefined && !after) throw new AdminValidationError([{ path: 'cursor', message: 'is not a cursor this API gave out' }], 'query');
    const { rows, next } = await this.log.page(filtersOf(parsed), parsed.limit, after);
    return { data: rows.map(requestLogEntryOf), next_cursor: next ? encodeRequestLogCursor(next) : null };
  }

  /** Every request matching the filters, newest first, streamed as CSV. */
  @Get('export')
  exportCsv(@Query() query: unknown, @Res() reply: FastifyReply): void {
    const filters = filtersOf(validated(requestLogQuerySchema, query, 'query'));
    const log = this.log;
    async function* entries() {
      for await (const row of log.all(filters)) yield requestLogEntryOf(row);
    }
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="gatehouse-requests.csv"')
      .send(Readable.from(requestLogCsv(entries())));
  }
}

function filtersOf(query: RequestLogQuery): RequestLogFilters {
  return {
    model: query.model,
    keyId: query.key,
    team: query.team,
    provider: query.provider,
    status: query.status,
    from: query.from === undefined ? undefined : Date.parse(query.from),
    to: query.to === undefined ? undefined : Date.parse(query.to),
  };
}
