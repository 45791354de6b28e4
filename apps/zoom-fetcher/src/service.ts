/** Who this service is: its name in logs, metrics and consumer groups, and the schema it owns. */
export const SERVICE = { serviceName: 'zoom-fetcher', schema: 'zoom_fetcher', defaultPort: 3103 } as const;
