export * from './content-block';
export * from './request';
export * from './response';
export * from './stream-event';
export * from './error-body';
export * from './validate-request';
