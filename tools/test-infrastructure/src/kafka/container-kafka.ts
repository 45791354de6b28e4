import { ProvisionedKafka } from '../provisioned';

const DEFAULT_IMAGE = 'confluentinc/cp-kafka:7.9.1';
const CLIENT_PORT = 9093;

/** Kafka (KRaft) in a container through testcontainers (image from TEST_KAFKA_IMAGE). */
export async function startContainerKafka(): Promise<ProvisionedKafka> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const container = await new KafkaContainer(process.env.TEST_KAFKA_IMAGE ?? DEFAULT_IMAGE)
    .withKraft()
    .withEnvironment({
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .start();
  const brokers = `${container.getHost()}:${container.getMappedPort(CLIENT_PORT)}`;
  return {
    brokers,
    description: `testcontainers ${brokers}`,
    startedHere: true,
    stop: async () => {
      await container.stop();
    },
  };
}
