// The shapes of a response's output items, as OpenAI writes them:
// https://platform.openai.com/docs/api-reference/responses/object#responses/object-output

export type OutputItemStatus = 'in_progress' | 'completed' | 'incomplete';

export interface OutputTextPart {
  type: 'output_text';
  text: string;
  annotations: unknown[];
  logprobs: unknown[];
}

export interface SummaryTextPart {
  type: 'summary_text';
  text: string;
}

export interface OutputMessageItem {
  id: string;
  type: 'message';
  status: OutputItemStatus;
  role: 'assistant';
  content: OutputTextPart[];
}

export interface OutputReasoningItem {
  id: string;
  type: 'reasoning';
  summary: SummaryTextPart[];
}

export interface OutputFunctionCallItem {
  id: string;
  type: 'function_call';
  status: OutputItemStatus;
  arguments: string;
  call_id: string;
  name: string;
}

export type OpenAIResponsesOutputItemBody = OutputMessageItem | OutputReasoningItem | OutputFunctionCallItem;

export const outputTextPart = (text: string): OutputTextPart => ({ type: 'output_text', text, annotations: [], logprobs: [] });

export const summaryTextPart = (text: string): SummaryTextPart => ({ type: 'summary_text', text });

/** Text of the `output_text` parts of the message items, joined: what the SDKs offer as `response.output_text`. */
export function outputTextOf(output: readonly OpenAIResponsesOutputItemBody[]): string {
  return output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => part.text) : [])).join('');
}
