import { Global, Module } from '@nestjs/common';
import { ProxyModule } from '../proxy/proxy.module';
import { ApiKeyGuard } from './api-key.guard';
import { KeyStore } from './key-store';
import { LastUsedWriter } from './last-used-writer';
import { ModelAllowListCheck } from './model-allow-list.check';

/** Gateway keys: the key store and the /v1 guard (global, since the guard is made in the proxy's module), the allow-list gate. */
@Global()
@Module({
  imports: [ProxyModule],
  providers: [KeyStore, LastUsedWriter, ApiKeyGuard, ModelAllowListCheck],
  exports: [KeyStore, LastUsedWriter, ApiKeyGuard],
})
export class AuthModule {}
