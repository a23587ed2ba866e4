export * from './sse-event';
export * from './sse-decoder';
export * from './encode-sse-event';
export * from './machine-transform';
export * from './sse-decode-transform';
export * from './sse-encode-transform';
