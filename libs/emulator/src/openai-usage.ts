import { type ReplyPlan } from './reply-plan';
import { estimateTokens } from './token-estimate';

// OpenAI counts cached prompt tokens inside the prompt/input total and reasoning inside the completion/output total,
// where Anthropic's input_tokens leaves cache reads and writes out.

export function openAiChatUsage(plan: ReplyPlan) {
  const promptTokens = promptTotal(plan);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: plan.usage.output_tokens,
    total_tokens: promptTokens + plan.usage.output_tokens,
    prompt_tokens_details: { cached_tokens: plan.usage.cache_read_input_tokens },
    completion_tokens_details: { reasoning_tokens: reasoningTokens(plan) },
  };
}

export function openAiResponsesUsage(plan: ReplyPlan) {
  const inputTokens = promptTotal(plan);
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: plan.usage.cache_read_input_tokens },
    output_tokens: plan.usage.output_tokens,
    output_tokens_details: { reasoning_tokens: reasoningTokens(plan) },
    total_tokens: inputTokens + plan.usage.output_tokens,
  };
}

function promptTotal(plan: ReplyPlan): number {
  return plan.usage.input_tokens + plan.usage.cache_read_input_tokens + plan.usage.cache_creation_input_tokens;
}

function reasoningTokens(plan: ReplyPlan): number {
  return plan.thinking ? Math.min(estimateTokens(plan.thinking.length), plan.usage.output_tokens) : 0;
}
