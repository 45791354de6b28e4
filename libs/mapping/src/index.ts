export * from './derive-names';
export * from './field-mappings';
export * from './integration-mapping';
export * from './mapping-problem';
export * from './mapping-sources';
export * from './transforms';
export * from './user-filter';
export * from './zoom-values';
