import { ApiProperty } from '@nestjs/swagger';

/** Below this length even four characters give too much of a secret away. */
export const MIN_LENGTH_TO_SHOW_LAST4 = 12;

/** How a secret appears in responses: whether it is set, and its last four characters when it is long enough. */
export class SecretMask {
  @ApiProperty({ example: true, description: 'Whether a value is stored' })
  set: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'x9Qz',
    description: `The last four characters, to recognise the value; null when unset or shorter than ${MIN_LENGTH_TO_SHOW_LAST4} characters`,
  })
  last4: string | null;
}

/** What is kept of a secret at write time to show it later: its last four characters, when it is long enough. */
export function last4Of(plaintext: string): string | null {
  return plaintext.length >= MIN_LENGTH_TO_SHOW_LAST4 ? plaintext.slice(-4) : null;
}

/** The mask of a stored secret, from what was kept at write time: nothing is decrypted to show it. */
export function storedMask(secret: unknown, last4: string | null): SecretMask {
  return secret === null ? { set: false, last4: null } : { set: true, last4 };
}
