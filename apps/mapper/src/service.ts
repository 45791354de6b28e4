/** Who this service is: its name in logs, metrics and consumer groups, and the schema it owns. */
export const SERVICE = { serviceName: 'mapper', schema: 'mapper', defaultPort: 3104 } as const;
