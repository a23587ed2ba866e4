export * from './input-item';
export * from './output-item';
export * from './request';
export * from './response';
export * from './input-item-list';
export * from './response-deleted';
export * from './stream-event';
export * from './validate-request';
