import { IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

/**
 * Every message on every topic is one envelope. `observedAt` is when the data was read from
 * Zoom: consumers compare it to refuse stale overwrites (event time wins over arrival time).
 */
export class MessageEnvelope<TPayload extends object = object> {
  @IsUUID()
  messageId: string;

  @IsString()
  @IsNotEmpty()
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  tenantId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  integrationId: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  runId?: string;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsISO8601({ strict: true })
  observedAt: string;

  @IsObject()
  payload: TPayload;
}
