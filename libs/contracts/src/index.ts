import 'reflect-metadata';

export * from './catalogue';
export * from './common';
export * from './envelope';
export * from './mapping/standard-fields';
export * from './messages/credentials-changed';
export * from './messages/integration-alert';
export * from './messages/integration-changed';
export * from './messages/oomnitza-records-deactivate';
export * from './messages/oomnitza-records-upsert';
export * from './messages/oomnitza-records-written';
export * from './messages/run-progress';
export * from './messages/sync-run-requested';
export * from './messages/zoom-user-changed';
export * from './messages/zoom-users-page';
export * from './validate-message';
