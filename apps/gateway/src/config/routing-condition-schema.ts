import { type ClientDialect, type DecisionCondition } from '@gatehouse/routing';
import { z } from 'zod';
import {
  booleanField,
  headerNameField,
  nameListField,
  nonEmptyString,
  nonNegativeNumber,
  regexSourceField,
  strictSection,
} from './config-fields';

/**
 * When a routing decision applies: the routing library's own condition type, which this schema produces.
 * Name lists (`domain`, `key`, `team`) are always arrays once parsed, though the file may give a single string.
 */
export type RoutingCondition = DecisionCondition;
export type { ClientDialect };

const promptTokensSchema = strictSection({
  above: nonNegativeNumber.optional(),
  below: nonNegativeNumber.optional(),
}).refine((bounds) => bounds.above !== undefined || bounds.below !== undefined, 'set above, below or both');

const headerConditionSchema = strictSection({
  name: headerNameField,
  value: z.string().optional(),
  regex: regexSourceField.optional(),
}).refine((header) => header.value === undefined || header.regex === undefined, 'set value or regex, not both');

export const routingConditionSchema: z.ZodType<RoutingCondition> = z.lazy(() => {
  const fields = {
    any: z.array(routingConditionSchema).min(1, 'must list at least one condition').optional(),
    all: z.array(routingConditionSchema).min(1, 'must list at least one condition').optional(),
    not: routingConditionSchema.optional(),
    domain: nameListField.optional(),
    keywords: z.array(nonEmptyString).min(1, 'must list at least one keyword').optional(),
    regex: regexSourceField.optional(),
    has_images: booleanField.optional(),
    prompt_tokens: promptTokensSchema.optional(),
    header: headerConditionSchema.optional(),
    dialect: z
      .enum(['openai-chat', 'openai-responses', 'anthropic-messages'], {
        error: (issue) => `unknown dialect ${JSON.stringify(issue.input)} (expected openai-chat, openai-responses or anthropic-messages)`,
      })
      .optional(),
    key: nameListField.optional(),
    team: nameListField.optional(),
  };
  const kinds = Object.keys(fields);
  return strictSection(fields, 'condition')
    .superRefine((condition, context) => {
      const present = kinds.filter((kind) => condition[kind as keyof typeof condition] !== undefined);
      if (present.length === 0) {
        context.addIssue({ code: 'custom', message: `a condition needs one of: ${kinds.join(', ')}` });
      } else if (present.length > 1) {
        context.addIssue({
          code: 'custom',
          message: `a condition has exactly one key, found ${present.join(' and ')}: combine conditions with all: [...] or any: [...]`,
        });
      }
      // An unknown key has been reported already; "needs one of" on top of it would only repeat it.
    }, { when: (payload) => payload.issues.length === 0 })
    .transform((condition) => {
      const kind = kinds.find((candidate) => condition[candidate as keyof typeof condition] !== undefined)!;
      return { [kind]: condition[kind as keyof typeof condition] } as RoutingCondition;
    });
});
