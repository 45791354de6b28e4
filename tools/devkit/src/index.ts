export * from './cli/cli-option';
export * from './cli/command-line';
export * from './http/router';
export * from './markdown-table';
export * from './peak-rss';
export * from './process-cpu';
export * from './percentile';
export * from './process/close-on-signals';
