export * from './create-topics-with-leaders';
