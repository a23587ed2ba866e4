import { createRequestValidator } from '../request-validator';
import { type ValidationResult } from '../validation-issues';
import { type OpenAIChatRequest, openAIChatRequestSchema } from './request';

const validator = createRequestValidator(openAIChatRequestSchema);

export function validateOpenAIChatRequest(body: unknown): ValidationResult<OpenAIChatRequest> {
  return validator(body);
}
