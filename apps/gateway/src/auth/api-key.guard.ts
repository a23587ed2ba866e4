import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { GatewayError } from '@gatehouse/translate';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { KeyStore } from './key-store';
import { LastUsedWriter } from './last-used-writer';
import { presentedKey } from './presented-key';

/**
 * Guards /v1/*: with `auth.mode: keys`, a request needs a known, unrevoked, unexpired gateway key and gets its
 * principal; with `open`, everything passes. Refusals are GatewayErrors, rendered in the caller's API format.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly open: boolean;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(LastUsedWriter) private readonly lastUsed: LastUsedWriter,
  ) {
    this.open = config.auth.mode === 'open';
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.open) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const secret = presentedKey(request.headers);
    if (!secret) {
      throw new GatewayError('authentication', 'No API key: send a gateway key as Authorization: Bearer KEY or x-api-key: KEY');
    }
    const found = this.keys.lookup(secret);
    switch (found.status) {
      case 'valid':
        request.principal = found.principal;
        if (found.principal.source === 'database') this.lastUsed.touch(found.principal.keyId);
        return true;
      case 'unknown':
        throw new GatewayError('authentication', 'Invalid API key: it is not a key of this gateway');
      case 'revoked':
        throw new GatewayError('authentication', `The API key "${found.keyName}" has been revoked`);
      case 'expired':
        throw new GatewayError('authentication', `The API key "${found.keyName}" expired at ${new Date(found.expiredAt).toISOString()}`);
      default: {
        const unreachable: never = found;
        throw new Error(`unhandled key lookup ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
