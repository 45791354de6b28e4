export * from './markdown-table';
