export * from './headers';
export * from './message-definition';
export * from './message-envelope';
