import { createRequestValidator } from '../request-validator';
import { type ValidationResult } from '../validation-issues';
import {
  type AnthropicCountTokensRequest,
  type AnthropicMessagesRequest,
  anthropicCountTokensRequestSchema,
  anthropicMessagesRequestSchema,
} from './request';

const messagesValidator = createRequestValidator(anthropicMessagesRequestSchema);
const countTokensValidator = createRequestValidator(anthropicCountTokensRequestSchema);

export function validateAnthropicMessagesRequest(body: unknown): ValidationResult<AnthropicMessagesRequest> {
  return messagesValidator(body);
}

export function validateAnthropicCountTokensRequest(body: unknown): ValidationResult<AnthropicCountTokensRequest> {
  return countTokensValidator(body);
}
