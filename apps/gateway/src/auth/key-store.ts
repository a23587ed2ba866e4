import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { ChangeFeed } from '../persistence/change-feed';
import { Database } from '../persistence/database';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { hashKeySecret } from './key-secret';
import { type Principal } from './principal';
import { principalOfConfigKey, principalOfKeyRow } from './principal-of';

interface KnownKey {
  principal: Principal;
  expiresAt?: number;
  revokedAt?: number;
}

export type KeyLookup =
  | { status: 'valid'; principal: Principal }
  | { status: 'unknown' }
  | { status: 'revoked'; keyName: string }
  | { status: 'expired'; keyName: string; expiredAt: number };

/**
 * Every gateway key, in memory by the sha256 of its secret: the bootstrap keys of the config file and the keys of
 * the database (revoked ones too, to say so). A lookup never touches the database; the map is replaced whenever the
 * `keys` revision moves (see ChangeFeed), so a revoked key is refused within a poll interval in every process.
 */
@Injectable()
export class KeyStore implements OnModuleInit {
  private readonly bootstrap: ReadonlyMap<string, KnownKey>;
  private stored: ReadonlyMap<string, KnownKey> = new Map();

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(Database) private readonly database: Database,
    @Inject(ChangeFeed) private readonly changes: ChangeFeed,
  ) {
    this.bootstrap = new Map(config.keys.map((key) => [hashKeySecret(key.key), { principal: principalOfConfigKey(key) }]));
  }

  async onModuleInit(): Promise<void> {
    this.changes.watch('keys', () => this.reload());
    await this.reload();
  }

  lookup(secret: string, now = Date.now()): KeyLookup {
    const hash = hashKeySecret(secret);
    const known = this.bootstrap.get(hash) ?? this.stored.get(hash);
    if (!known) return { status: 'unknown' };
    if (known.revokedAt !== undefined) return { status: 'revoked', keyName: known.principal.keyName };
    if (known.expiresAt !== undefined && known.expiresAt <= now) {
      return { status: 'expired', keyName: known.principal.keyName, expiredAt: known.expiresAt };
    }
    return { status: 'valid', principal: known.principal };
  }

  async reload(): Promise<void> {
    const rows = await this.database.dataSource.getRepository(ApiKeyEntity).find();
    this.stored = new Map(
      rows.map((row) => [
        row.secret_hash,
        { principal: principalOfKeyRow(row), expiresAt: row.expires_at ?? undefined, revokedAt: row.revoked_at ?? undefined },
      ]),
    );
  }
}
