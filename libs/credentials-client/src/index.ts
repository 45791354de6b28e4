export * from './credential-errors';
export * from './credentials-client.module';
export * from './credentials-client.settings';
export * from './credentials.client';
