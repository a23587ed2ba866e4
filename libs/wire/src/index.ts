export * from './validation-issues';
export * from './request-validator';
export * from './field-schemas';
export * from './open-union';
export * from './openai-chat/index';
export * from './anthropic-messages/index';
export * from './openai-responses/index';
