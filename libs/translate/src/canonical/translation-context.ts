/**
 * What a translation needs from the outside world, passed in so that translations stay pure and tests pin them.
 */
export interface TranslationContext {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A new id with the dialect's prefix (`chatcmpl`, `msg`, `toolu`, `call`, `resp`). */
  newId(prefix: string): string;
  /** The model name the client sent; responses carry it back. */
  requestModel: string;
}

/** A translation's result and what it dropped or changed on purpose (reported in `x-gatehouse-warnings`). */
export interface Translated<T> {
  value: T;
  warnings: string[];
}

/** A stream translator: fed one input at a time, never buffering the whole response. */
export interface StreamMachine<In, Out> {
  push(input: In): Out[];
  end(): Out[];
}
