/**
 * Who this process is: its service name (log lines, metric label, consumer group) and the
 * database schema it owns (after the DATABASE_SCHEMA override). Provided by PlatformModule.
 */
export class ServiceIdentity {
  constructor(
    readonly serviceName: string,
    readonly schema: string,
  ) {}
}
