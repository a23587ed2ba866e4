export { ConfigError, type ConfigIssue } from './config-error';
export { type ConfigSource, loadConfig, parseConfigText, resolveConfigSource } from './config-loader';
export { maskSecrets } from './config-masking';
export { formatConfigPath } from './config-path';
export {
  type AuthMode,
  type ClassifierConfig,
  type GatehouseConfig,
  gatehouseConfigSchema,
  type KeyConfig,
  type ModelConfig,
  type ModelPricing,
  type ModelTarget,
  type ProviderConfig,
  type ProviderType,
  type RetryPolicy,
  type RoutingConfig,
  type RoutingDecision,
  type ServerConfig,
  type StorageConfig,
  type TelemetryConfig,
} from './config-schema';
export { buildDefaultConfig } from './default-config';
export { type EnvExpansion, type Environment, expandEnv, InvalidEnvReferenceError } from './env-expansion';
export { parseByteSize } from './parse-byte-size';
export { parseDuration } from './parse-duration';
export { type ClientDialect, type RoutingCondition } from './routing-condition-schema';
export { validateConfig, type ValidateConfigOptions } from './validate-config';
