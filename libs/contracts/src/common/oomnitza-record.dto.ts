import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ZOOM_REMOVALS, ZoomRemoval } from './removal';

export type OomnitzaFieldValue = string | number | boolean | null;

/** One Oomnitza user record as the mapper produced it, identified by its sync key. */
export class OomnitzaRecordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  syncKey: string;

  @IsOptional()
  @IsString()
  zoomUserId?: string;

  /**
   * User plus SaaS user: the Zoom client version the user last used (Zoom's `last_client_version`),
   * part of the SaaS user's activity. It is no field of the person.
   */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lastClientVersion?: string;

  @IsObject()
  fields: Record<string, OomnitzaFieldValue>;

  /**
   * Only these fields changed (a webhook that carried no whole user): the writer merges them into
   * what it last wrote for the sync key, and never creates a person from them.
   */
  @IsOptional()
  @IsBoolean()
  partial?: boolean;

  /**
   * The record marks the person deactivated, deleted or disassociated in Zoom: the writer applies
   * the integration's removal policy and mass-removal circuit breaker to it.
   */
  @IsOptional()
  @IsIn(ZOOM_REMOVALS)
  removal?: ZoomRemoval;

  /** When Zoom's data behind this record was read; a newer write is never overwritten by it. */
  @IsISO8601({ strict: true })
  observedAt: string;
}
