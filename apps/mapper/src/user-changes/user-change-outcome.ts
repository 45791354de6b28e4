import { OomnitzaRecordDto, RecordErrorDto } from '@zoom-oomnitza-sync/contracts';
import { MappingRefusal } from '@zoom-oomnitza-sync/mapping';

/**
 * `no_sync_key`: the change names nobody the writer could find (for the email sync key no email,
 * for Zoom ID no id); `filtered`: the integration's filter rules leave the user out.
 */
export type ChangeSkip = 'no_sync_key' | 'filtered';

/** One Zoom user change turned into a record, refused as Oomnitza would refuse it, or skipped. */
export type UserChangeOutcome =
  | { record: OomnitzaRecordDto; rejection?: never; refusal?: never; skipped?: never }
  | { rejection: RecordErrorDto; refusal: MappingRefusal; record?: never; skipped?: never }
  | { skipped: ChangeSkip; record?: never; rejection?: never; refusal?: never };
