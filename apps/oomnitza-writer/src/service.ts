/** Who this service is: its name in logs, metrics and consumer groups, and the schema it owns. */
export const SERVICE = { serviceName: 'oomnitza-writer', schema: 'oomnitza_writer', defaultPort: 3105 } as const;
