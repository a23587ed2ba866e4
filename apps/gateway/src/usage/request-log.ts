import { Inject, Injectable } from '@nestjs/common';
import { type SelectQueryBuilder } from 'typeorm';
import { Database } from '../persistence/database';
import { UsageRecordEntity, type UsageRecordRow } from '../persistence/entities/usage-record.entity';
import { type RequestLogPosition } from './request-log-cursor';

export interface RequestLogFilters {
  /** Requested or routed model name. */
  model?: string;
  keyId?: string;
  team?: string;
  provider?: string;
  /** `429`, `4xx`, `error` (≥ 400) or `ok` (< 400). */
  status?: string;
  from?: number;
  to?: number;
}

const EXPORT_PAGE = 1000;

/** The recorded requests, newest first, filtered, paged by (started_at, id): a page costs the same however deep it is. */
@Injectable()
export class RequestLog {
  constructor(@Inject(Database) private readonly database: Database) {}

  async page(filters: RequestLogFilters, limit: number, after?: RequestLogPosition): Promise<{ rows: UsageRecordRow[]; next?: RequestLogPosition }> {
    const rows = await this.query(filters, after).limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { rows: page, next: rows.length > limit && last ? { startedAt: last.started_at, id: String(last.id) } : undefined };
  }

  /** Every matching row, read a page at a time (for CSV export of any size). */
  async *all(filters: RequestLogFilters): AsyncGenerator<UsageRecordRow> {
    let after: RequestLogPosition | undefined;
    do {
      const { rows, next } = await this.page(filters, EXPORT_PAGE, after);
      yield* rows;
      after = next;
    } while (after);
  }

  private query(filters: RequestLogFilters, after?: RequestLogPosition): SelectQueryBuilder<UsageRecordRow> {
    const query = this.database.dataSource
      .getRepository(UsageRecordEntity)
      .createQueryBuilder('u')
      .orderBy('u.started_at', 'DESC')
      .addOrderBy('u.id', 'DESC');
    if (filters.from !== undefined) query.andWhere('u.started_at >= :from', { from: filters.from });
    if (filters.to !== undefined) query.andWhere('u.started_at < :to', { to: filters.to });
    if (filters.model !== undefined) query.andWhere('(u.routed_model = :model OR u.requested_model = :model)', { model: filters.model });
    if (filters.keyId !== undefined) query.andWhere('u.key_id = :keyId', { keyId: filters.keyId });
    if (filters.team !== undefined) query.andWhere('u.team = :team', { team: filters.team });
    if (filters.provider !== undefined) query.andWhere('u.provider = :provider', { provider: filters.provider });
    if (filters.status !== undefined) applyStatusFilter(query, filters.status);
    if (after) {
      query.andWhere('(u.started_at < :afterTime OR (u.started_at = :afterTime AND u.id < :afterId))', {
        afterTime: after.startedAt,
        afterId: after.id,
      });
    }
    return query;
  }
}

function applyStatusFilter(query: SelectQueryBuilder<UsageRecordRow>, status: string): void {
  if (status === 'error') query.andWhere('u.status >= 400');
  else if (status === 'ok') query.andWhere('u.status < 400');
  else if (/^[1-5]xx$/.test(status)) {
    const low = Number(status[0]) * 100;
    query.andWhere('u.status >= :statusLow AND u.status < :statusHigh', { statusLow: low, statusHigh: low + 100 });
  } else query.andWhere('u.status = :status', { status: Number(status) });
}
