#!/usr/bin/env node
// Exits 0 once the broker at the given address can coordinate a consumer group, 1 otherwise.
// An open port is not enough: the group coordinator is ready only after __consumer_offsets has
// been created and loaded, so this creates a probe topic, joins a group on it and cleans up.
//
// Usage: node tools/kafka/wait-ready.js 127.0.0.1:9092 [timeoutMs]
const { setTimeout, clearTimeout } = require('node:timers');
const { Kafka, logLevel } = require('kafkajs');

const PROBE_TOPIC = '__local-kafka-readiness';

/** The first of KAFKA_SASL_USERS (name:password,...), as the broker's SASL/PLAIN listener wants it. */
function saslOf(users) {
  if (!users) {
    return undefined;
  }
  const [first] = users.split(',');
  const separator = first.indexOf(':');
  return { mechanism: 'plain', username: first.slice(0, separator), password: first.slice(separator + 1) };
}

async function probe(brokers) {
  const kafka = new Kafka({
    clientId: 'local-kafka-readiness',
    brokers,
    sasl: saslOf(process.env.KAFKA_SASL_USERS),
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  });
  const admin = kafka.admin();
  const groupId = `${PROBE_TOPIC}-${process.pid}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, rebalanceTimeout: 10000, maxWaitTimeInMs: 100 });
  try {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: PROBE_TOPIC, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [PROBE_TOPIC] });
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.deleteTopics({ topics: [PROBE_TOPIC] }).catch(() => undefined);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

async function main() {
  const [address, timeoutArg] = process.argv.slice(2);
  if (!address) {
    console.error('usage: wait-ready.js <host:port> [timeoutMs]');
    process.exit(2);
  }
  const timeoutMs = Number(timeoutArg ?? 60000);
  const timer = setTimeout(() => {
    console.error(`broker ${address} could not coordinate a consumer group within ${timeoutMs} ms`);
    process.exit(1);
  }, timeoutMs);
  try {
    await probe([address]);
    clearTimeout(timer);
    process.exit(0);
  } catch (error) {
    console.error(`broker ${address} not ready: ${error.message}`);
    process.exit(1);
  }
}

main();
