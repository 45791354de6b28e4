export * from './address-policy';
export * from './guarded-fetch';
export * from './guarded-lookup';
export * from './outbound-address-refused';
export * from './outbound-url-check';
export * from './outbound-http.module';
