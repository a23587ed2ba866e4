import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual, createHash } from 'node:crypto';
import { type FastifyRequest } from 'fastify';
import { GatewayError } from '@gatehouse/translate';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Guards /admin/api/*: `Authorization: Bearer ADMIN_KEY`, compared in constant time. No admin key configured = no admin API. */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(@Inject(GATEHOUSE_CONFIG) config: GatehouseConfig) {
    if (config.admin.api_key) this.expected = digest(config.admin.api_key);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) {
      throw new GatewayError('permission', 'The admin API is disabled: set admin.api_key (or GATEHOUSE_ADMIN_KEY) to enable it');
    }
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
    // Hashing both sides first makes the comparison constant-time whatever the lengths.
    if (!presented || !timingSafeEqual(digest(presented), this.expected)) {
      throw new GatewayError('authentication', 'A valid admin key is required: Authorization: Bearer ADMIN_KEY');
    }
    return true;
  }
}
