/** Who this service is: its name in logs, metrics and consumer groups, and the schema it owns. */
export const SERVICE = { serviceName: 'credentials', schema: 'credentials', defaultPort: 3101 } as const;
