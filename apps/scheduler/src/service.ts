/** Who this service is: its name in logs, metrics and consumer groups, and the schema it owns. */
export const SERVICE = { serviceName: 'scheduler', schema: 'scheduler', defaultPort: 3102 } as const;
