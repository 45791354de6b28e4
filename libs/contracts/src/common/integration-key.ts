import { IsNotEmpty, IsString } from 'class-validator';

/** The Kafka key of every message: its integration id, so one integration stays in order. */
export class IntegrationKey {
  @IsString()
  @IsNotEmpty()
  integrationId: string;
}
