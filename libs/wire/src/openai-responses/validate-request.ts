import { createRequestValidator } from '../request-validator';
import { type ValidationResult } from '../validation-issues';
import { type OpenAIResponsesRequest, openAIResponsesRequestSchema } from './request';

const validator = createRequestValidator(openAIResponsesRequestSchema);

export function validateOpenAIResponsesRequest(body: unknown): ValidationResult<OpenAIResponsesRequest> {
  return validator(body);
}
