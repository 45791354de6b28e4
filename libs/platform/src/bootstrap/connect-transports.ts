import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';

/**
 * Connects every custom transport a module provides (libs/messaging's Kafka consumer server)
 * as a microservice of the app, so its message handlers run. Found by type rather than by
 * token, so the platform needs to know nothing about the transports. Returns how many it connected.
 */
export function connectTransports(app: INestApplication): number {
  const strategies = new Set<Server & CustomTransportStrategy>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      if (wrapper.instance instanceof Server) {
        strategies.add(wrapper.instance as Server & CustomTransportStrategy);
      }
    }
  }
  for (const strategy of strategies) {
    app.connectMicroservice({ strategy });
  }
  return strategies.size;
}
