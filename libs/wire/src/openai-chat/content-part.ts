import { z } from 'zod';
import { openUnion } from '../open-union';

// https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages

export const openAIChatTextPartSchema = z.looseObject({ type: z.literal('text'), text: z.string() });

export const openAIChatImagePartSchema = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string(), detail: z.string().nullish() }),
});

export const openAIChatAudioPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});

export const openAIChatFilePartSchema = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({ file_data: z.string().nullish(), file_id: z.string().nullish(), filename: z.string().nullish() }),
});

/** Only in assistant messages. */
export const openAIChatRefusalPartSchema = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

/** A part of a message's `content` array; parts of other types pass unchecked. */
export const openAIChatContentPartSchema = openUnion({
  text: openAIChatTextPartSchema,
  image_url: openAIChatImagePartSchema,
  input_audio: openAIChatAudioPartSchema,
  file: openAIChatFilePartSchema,
  refusal: openAIChatRefusalPartSchema,
});

export type OpenAIChatTextPart = z.infer<typeof openAIChatTextPartSchema>;
export type OpenAIChatImagePart = z.infer<typeof openAIChatImagePartSchema>;
export type OpenAIChatAudioPart = z.infer<typeof openAIChatAudioPartSchema>;
export type OpenAIChatFilePart = z.infer<typeof openAIChatFilePartSchema>;
export type OpenAIChatRefusalPart = z.infer<typeof openAIChatRefusalPartSchema>;
export type OpenAIChatContentPart = z.infer<typeof openAIChatContentPartSchema>;
