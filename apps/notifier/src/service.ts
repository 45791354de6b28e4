/** Who this service is: its name in logs, metrics and consumer groups, and the schema it owns. */
export const SERVICE = { serviceName: 'notifier', schema: 'notifier', defaultPort: 3106 } as const;
