import { Transform } from 'class-transformer';
import { toBool, toInt } from './environment-transforms';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/**
 * Settings every service reads from the environment. Services extend it with their own. Values
 * are checked at startup: a missing or malformed one stops the service with its name.
 */
export class BaseEnvironment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT?: number;

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_SCHEMA must be a lower-case SQL identifier' })
  DATABASE_SCHEMA?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may hold only letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX = '';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  KAFKA_CLIENT_ID?: string;

  @Transform(toBool)
  KAFKA_CREATE_TOPICS = false;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  KAFKA_TOPIC_PARTITIONS = 6;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  KAFKA_REPLICATION_FACTOR = 1;

  /** Speak TLS to the brokers. */
  @Transform(toBool)
  KAFKA_SSL = false;

  /** A PEM file of the CA the brokers' certificates chain to (with KAFKA_SSL), when not a public one. */
  @IsOptional()
  @IsString()
  KAFKA_SSL_CA_FILE?: string;

  /** SASL authentication to the brokers; KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go with it. */
  @IsOptional()
  @IsIn(['plain', 'scram-sha-256', 'scram-sha-512'])
  KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512';

  @IsOptional()
  @IsString()
  KAFKA_SASL_USERNAME?: string;

  @IsOptional()
  @IsString()
  KAFKA_SASL_PASSWORD?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @IsNotEmpty({ message: 'ADMIN_API_KEY must be set (the bootstrap key for /admin endpoints)' })
  @MinLength(32, { message: 'ADMIN_API_KEY must be at least 32 characters' })
  ADMIN_API_KEY: string;

  /** How long a verified API key is trusted without asking the database: a revoke takes effect within it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300_000)
  API_KEY_CACHE_TTL_MS = 5_000;

  /** How long an unknown or revoked API key is refused without asking the database (a flood of made-up keys costs no queries). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300_000)
  API_KEY_NEGATIVE_CACHE_TTL_MS = 5_000;

  /** The window the request limits count in. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  RATE_LIMIT_WINDOW_MS = 60_000;

  /** Requests one tenant API key may make per window, across the service's routes and replicas. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_KEY = 600;

  /** Requests all of one tenant's keys together may make per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_TENANT = 1_200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  MESSAGING_MAX_ATTEMPTS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MESSAGING_RETRY_BASE_MS = 200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MESSAGING_RETRY_MAX_MS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @Transform(toBool)
  OUTBOX_RELAY_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_HOURS = 24;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  INBOX_RETENTION_DAYS = 14;

  @Transform(toInt)
  @IsInt()
  @Min(6000)
  @Max(300_000)
  KAFKA_SESSION_TIMEOUT_MS = 30_000;

  /** How often a consumer commits its offsets; 0 commits after every batch. The inbox absorbs what a crash redelivers. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  KAFKA_COMMIT_INTERVAL_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE = 500;

  /** How long after a relay cycle its claims start past the rows it claimed (a transaction open longer waits for the sweep). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600_000)
  OUTBOX_CLAIM_LAG_MS = 5_000;

  /** How often a relay claim reads the outbox from its lowest id, for rows committed long after they were written. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  OUTBOX_SWEEP_INTERVAL_MS = 30_000;
}
