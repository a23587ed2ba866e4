import { z } from 'zod';
import { openUnion } from '../open-union';
import { openAIResponsesOutputTextSchema, openAIResponsesReasoningTextSchema, openAIResponsesRefusalSchema } from './input-item';
import { openAIResponsesOutputItemSchema } from './output-item';
import { openAIResponseSchema } from './response';

// https://platform.openai.com/docs/api-reference/responses-streaming — the `data:` of each SSE event; its `event:`
// line repeats `type`. Every event carries a `sequence_number`, counting from 0.

const sequenceNumber = z.number();

const lifecycleEvent = <const Type extends string>(type: Type) =>
  z.looseObject({ type: z.literal(type), sequence_number: sequenceNumber, response: openAIResponseSchema });

export const openAIResponseCreatedEventSchema = lifecycleEvent('response.created');
export const openAIResponseInProgressEventSchema = lifecycleEvent('response.in_progress');
export const openAIResponseQueuedEventSchema = lifecycleEvent('response.queued');
export const openAIResponseCompletedEventSchema = lifecycleEvent('response.completed');
export const openAIResponseIncompleteEventSchema = lifecycleEvent('response.incomplete');
export const openAIResponseFailedEventSchema = lifecycleEvent('response.failed');

const outputItemEvent = <const Type extends string>(type: Type) =>
  z.looseObject({
    type: z.literal(type),
    sequence_number: sequenceNumber,
    output_index: z.number(),
    item: openAIResponsesOutputItemSchema,
  });

export const openAIResponseOutputItemAddedEventSchema = outputItemEvent('response.output_item.added');
export const openAIResponseOutputItemDoneEventSchema = outputItemEvent('response.output_item.done');

/** A part of an output message, or reasoning text. */
export const openAIResponsesContentPartSchema = openUnion({
  output_text: openAIResponsesOutputTextSchema,
  refusal: openAIResponsesRefusalSchema,
  reasoning_text: openAIResponsesReasoningTextSchema,
});

/** The fields of events about one content part of one output item. */
const contentPartFields = {
  sequence_number: sequenceNumber,
  item_id: z.string(),
  output_index: z.number(),
  content_index: z.number(),
};

const contentPartEvent = <const Type extends string>(type: Type) =>
  z.looseObject({ type: z.literal(type), ...contentPartFields, part: openAIResponsesContentPartSchema });

export const openAIResponseContentPartAddedEventSchema = contentPartEvent('response.content_part.added');
export const openAIResponseContentPartDoneEventSchema = contentPartEvent('response.content_part.done');

export const openAIResponseOutputTextDeltaEventSchema = z.looseObject({
  type: z.literal('response.output_text.delta'),
  ...contentPartFields,
  delta: z.string(),
  logprobs: z.array(z.unknown()).nullish(),
});

export const openAIResponseOutputTextDoneEventSchema = z.looseObject({
  type: z.literal('response.output_text.done'),
  ...contentPartFields,
  text: z.string(),
  logprobs: z.array(z.unknown()).nullish(),
});

export const openAIResponseOutputTextAnnotationAddedEventSchema = z.looseObject({
  type: z.literal('response.output_text.annotation.added'),
  ...contentPartFields,
  annotation_index: z.number(),
  annotation: z.unknown(),
});

export const openAIResponseRefusalDeltaEventSchema = z.looseObject({
  type: z.literal('response.refusal.delta'),
  ...contentPartFields,
  delta: z.string(),
});

export const openAIResponseRefusalDoneEventSchema = z.looseObject({
  type: z.literal('response.refusal.done'),
  ...contentPartFields,
  refusal: z.string(),
});

export const openAIResponseFunctionCallArgumentsDeltaEventSchema = z.looseObject({
  type: z.literal('response.function_call_arguments.delta'),
  sequence_number: sequenceNumber,
  item_id: z.string(),
  output_index: z.number(),
  delta: z.string(),
});

export const openAIResponseFunctionCallArgumentsDoneEventSchema = z.looseObject({
  type: z.literal('response.function_call_arguments.done'),
  sequence_number: sequenceNumber,
  item_id: z.string(),
  output_index: z.number(),
  arguments: z.string(),
  name: z.string().nullish(),
});

/** The fields of events about one summary part of one reasoning item. */
const summaryFields = {
  sequence_number: sequenceNumber,
  item_id: z.string(),
  output_index: z.number(),
  summary_index: z.number(),
};

const summaryPartEvent = <const Type extends string>(type: Type) =>
  z.looseObject({ type: z.literal(type), ...summaryFields, part: z.looseObject({ type: z.string(), text: z.string() }) });

export const openAIResponseReasoningSummaryPartAddedEventSchema = summaryPartEvent('response.reasoning_summary_part.added');
export const openAIResponseReasoningSummaryPartDoneEventSchema = summaryPartEvent('response.reasoning_summary_part.done');

export const openAIResponseReasoningSummaryTextDeltaEventSchema = z.looseObject({
  type: z.literal('response.reasoning_summary_text.delta'),
  ...summaryFields,
  delta: z.string(),
});

export const openAIResponseReasoningSummaryTextDoneEventSchema = z.looseObject({
  type: z.literal('response.reasoning_summary_text.done'),
  ...summaryFields,
  text: z.string(),
});

export const openAIResponseReasoningTextDeltaEventSchema = z.looseObject({
  type: z.literal('response.reasoning_text.delta'),
  ...contentPartFields,
  delta: z.string(),
});

export const openAIResponseReasoningTextDoneEventSchema = z.looseObject({
  type: z.literal('response.reasoning_text.done'),
  ...contentPartFields,
  text: z.string(),
});

/** An error after the stream has started. */
export const openAIResponseErrorEventSchema = z.looseObject({
  type: z.literal('error'),
  sequence_number: sequenceNumber,
  code: z.string().nullish(),
  message: z.string(),
  param: z.string().nullish(),
});

/** Any Responses stream event; events of other types (built-in tool progress, audio, ...) pass unchecked. */
export const openAIResponsesStreamEventSchema = openUnion({
  'response.created': openAIResponseCreatedEventSchema,
  'response.in_progress': openAIResponseInProgressEventSchema,
  'response.queued': openAIResponseQueuedEventSchema,
  'response.completed': openAIResponseCompletedEventSchema,
  'response.incomplete': openAIResponseIncompleteEventSchema,
  'response.failed': openAIResponseFailedEventSchema,
  'response.output_item.added': openAIResponseOutputItemAddedEventSchema,
  'response.output_item.done': openAIResponseOutputItemDoneEventSchema,
  'response.content_part.added': openAIResponseContentPartAddedEventSchema,
  'response.content_part.done': openAIResponseContentPartDoneEventSchema,
  'response.output_text.delta': openAIResponseOutputTextDeltaEventSchema,
  'response.output_text.done': openAIResponseOutputTextDoneEventSchema,
  'response.output_text.annotation.added': openAIResponseOutputTextAnnotationAddedEventSchema,
  'response.refusal.delta': openAIResponseRefusalDeltaEventSchema,
  'response.refusal.done': openAIResponseRefusalDoneEventSchema,
  'response.function_call_arguments.delta': openAIResponseFunctionCallArgumentsDeltaEventSchema,
  'response.function_call_arguments.done': openAIResponseFunctionCallArgumentsDoneEventSchema,
  'response.reasoning_summary_part.added': openAIResponseReasoningSummaryPartAddedEventSchema,
  'response.reasoning_summary_part.done': openAIResponseReasoningSummaryPartDoneEventSchema,
  'response.reasoning_summary_text.delta': openAIResponseReasoningSummaryTextDeltaEventSchema,
  'response.reasoning_summary_text.done': openAIResponseReasoningSummaryTextDoneEventSchema,
  'response.reasoning_text.delta': openAIResponseReasoningTextDeltaEventSchema,
  'response.reasoning_text.done': openAIResponseReasoningTextDoneEventSchema,
  error: openAIResponseErrorEventSchema,
});

export type OpenAIResponseCreatedEvent = z.infer<typeof openAIResponseCreatedEventSchema>;
export type OpenAIResponseInProgressEvent = z.infer<typeof openAIResponseInProgressEventSchema>;
export type OpenAIResponseQueuedEvent = z.infer<typeof openAIResponseQueuedEventSchema>;
export type OpenAIResponseCompletedEvent = z.infer<typeof openAIResponseCompletedEventSchema>;
export type OpenAIResponseIncompleteEvent = z.infer<typeof openAIResponseIncompleteEventSchema>;
export type OpenAIResponseFailedEvent = z.infer<typeof openAIResponseFailedEventSchema>;
export type OpenAIResponseOutputItemAddedEvent = z.infer<typeof openAIResponseOutputItemAddedEventSchema>;
export type OpenAIResponseOutputItemDoneEvent = z.infer<typeof openAIResponseOutputItemDoneEventSchema>;
export type OpenAIResponsesContentPart = z.infer<typeof openAIResponsesContentPartSchema>;
export type OpenAIResponseContentPartAddedEvent = z.infer<typeof openAIResponseContentPartAddedEventSchema>;
export type OpenAIResponseContentPartDoneEvent = z.infer<typeof openAIResponseContentPartDoneEventSchema>;
export type OpenAIResponseOutputTextDeltaEvent = z.infer<typeof openAIResponseOutputTextDeltaEventSchema>;
export type OpenAIResponseOutputTextDoneEvent = z.infer<typeof openAIResponseOutputTextDoneEventSchema>;
export type OpenAIResponseOutputTextAnnotationAddedEvent = z.infer<typeof openAIResponseOutputTextAnnotationAddedEventSchema>;
export type OpenAIResponseRefusalDeltaEvent = z.infer<typeof openAIResponseRefusalDeltaEventSchema>;
export type OpenAIResponseRefusalDoneEvent = z.infer<typeof openAIResponseRefusalDoneEventSchema>;
export type OpenAIResponseFunctionCallArgumentsDeltaEvent = z.infer<typeof openAIResponseFunctionCallArgumentsDeltaEventSchema>;
export type OpenAIResponseFunctionCallArgumentsDoneEvent = z.infer<typeof openAIResponseFunctionCallArgumentsDoneEventSchema>;
export type OpenAIResponseReasoningSummaryPartAddedEvent = z.infer<typeof openAIResponseReasoningSummaryPartAddedEventSchema>;
export type OpenAIResponseReasoningSummaryPartDoneEvent = z.infer<typeof openAIResponseReasoningSummaryPartDoneEventSchema>;
export type OpenAIResponseReasoningSummaryTextDeltaEvent = z.infer<typeof openAIResponseReasoningSummaryTextDeltaEventSchema>;
export type OpenAIResponseReasoningSummaryTextDoneEvent = z.infer<typeof openAIResponseReasoningSummaryTextDoneEventSchema>;
export type OpenAIResponseReasoningTextDeltaEvent = z.infer<typeof openAIResponseReasoningTextDeltaEventSchema>;
export type OpenAIResponseReasoningTextDoneEvent = z.infer<typeof openAIResponseReasoningTextDoneEventSchema>;
export type OpenAIResponseErrorEvent = z.infer<typeof openAIResponseErrorEventSchema>;
export type OpenAIResponsesStreamEvent = z.infer<typeof openAIResponsesStreamEventSchema>;
