export * from './smtp-sandbox';
export * from './smtp-sandbox-process';
