import { z } from 'zod';
import { openUnion } from '../open-union';

// https://platform.openai.com/docs/api-reference/responses/create#responses-create-input

export const openAIResponsesInputTextSchema = z.looseObject({ type: z.literal('input_text'), text: z.string() });

export const openAIResponsesInputImageSchema = z.looseObject({
  type: z.literal('input_image'),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.string().nullish(),
});

export const openAIResponsesInputFileSchema = z.looseObject({
  type: z.literal('input_file'),
  file_data: z.string().nullish(),
  file_id: z.string().nullish(),
  file_url: z.string().nullish(),
  filename: z.string().nullish(),
});

/** Earlier assistant output sent back as input. */
export const openAIResponsesOutputTextSchema = z.looseObject({
  type: z.literal('output_text'),
  text: z.string(),
  annotations: z.array(z.looseObject({ type: z.string() })).nullish(),
});

export const openAIResponsesRefusalSchema = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

/** A part of an input message's `content` array; parts of other types pass unchecked. */
export const openAIResponsesInputContentSchema = openUnion({
  input_text: openAIResponsesInputTextSchema,
  input_image: openAIResponsesInputImageSchema,
  input_file: openAIResponsesInputFileSchema,
  output_text: openAIResponsesOutputTextSchema,
  refusal: openAIResponsesRefusalSchema,
});

/** A message; `type` may be left out (the "easy input message" `{ role, content }`). */
export const openAIResponsesInputMessageSchema = z.looseObject({
  type: z.literal('message').nullish(),
  role: z.string(),
  content: z.union([z.string(), z.array(openAIResponsesInputContentSchema)]),
  id: z.string().nullish(),
  status: z.string().nullish(),
});

export const openAIResponsesFunctionCallSchema = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string(),
  name: z.string(),
  /** JSON text, as the model wrote it. */
  arguments: z.string(),
  id: z.string().nullish(),
  status: z.string().nullish(),
});

export const openAIResponsesFunctionCallOutputSchema = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string(),
  output: z.union([z.string(), z.array(openAIResponsesInputContentSchema)]),
  id: z.string().nullish(),
  status: z.string().nullish(),
});

export const openAIResponsesReasoningSummarySchema = z.looseObject({ type: z.literal('summary_text'), text: z.string() });

export const openAIResponsesReasoningTextSchema = z.looseObject({ type: z.literal('reasoning_text'), text: z.string() });

export const openAIResponsesReasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string().nullish(),
  summary: z.array(openAIResponsesReasoningSummarySchema),
  content: z.array(openAIResponsesReasoningTextSchema).nullish(),
  /** Opaque; lets a stateless client hand the reasoning back. */
  encrypted_content: z.string().nullish(),
  status: z.string().nullish(),
});

/** A stored item, by id; `type` may be left out. */
export const openAIResponsesItemReferenceSchema = z.looseObject({
  type: z.literal('item_reference').nullish(),
  id: z.string(),
});

/**
 * One entry of `input` when it is an array. Items of other types (web search calls, computer calls, ...) pass
 * unchecked. Without `type`, an item with a `role` is a message and one without is an item reference.
 */
export const openAIResponsesInputItemSchema = openUnion(
  {
    message: openAIResponsesInputMessageSchema,
    function_call: openAIResponsesFunctionCallSchema,
    function_call_output: openAIResponsesFunctionCallOutputSchema,
    reasoning: openAIResponsesReasoningItemSchema,
    item_reference: openAIResponsesItemReferenceSchema,
  },
  { typeOf: (item) => ('role' in item ? 'message' : 'item_reference') },
);

export type OpenAIResponsesInputText = z.infer<typeof openAIResponsesInputTextSchema>;
export type OpenAIResponsesInputImage = z.infer<typeof openAIResponsesInputImageSchema>;
export type OpenAIResponsesInputFile = z.infer<typeof openAIResponsesInputFileSchema>;
export type OpenAIResponsesOutputText = z.infer<typeof openAIResponsesOutputTextSchema>;
export type OpenAIResponsesRefusal = z.infer<typeof openAIResponsesRefusalSchema>;
export type OpenAIResponsesInputContent = z.infer<typeof openAIResponsesInputContentSchema>;
export type OpenAIResponsesInputMessage = z.infer<typeof openAIResponsesInputMessageSchema>;
export type OpenAIResponsesFunctionCall = z.infer<typeof openAIResponsesFunctionCallSchema>;
export type OpenAIResponsesFunctionCallOutput = z.infer<typeof openAIResponsesFunctionCallOutputSchema>;
export type OpenAIResponsesReasoningSummary = z.infer<typeof openAIResponsesReasoningSummarySchema>;
export type OpenAIResponsesReasoningText = z.infer<typeof openAIResponsesReasoningTextSchema>;
export type OpenAIResponsesReasoningItem = z.infer<typeof openAIResponsesReasoningItemSchema>;
export type OpenAIResponsesItemReference = z.infer<typeof openAIResponsesItemReferenceSchema>;
export type OpenAIResponsesInputItem = z.infer<typeof openAIResponsesInputItemSchema>;
