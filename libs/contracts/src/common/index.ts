export * from './integration-key';
export * from './oomnitza-record.dto';
export * from './record-error.dto';
export * from './removal';
export * from './zoom-user.dto';
export * from './reconcile';
