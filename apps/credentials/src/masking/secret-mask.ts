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

export function maskSecret(plaintext: string | null): SecretMask {
  if (plaintext === null) {
    return { set: false, last4: null };
  }
  return { set: true, last4: plaintext.length >= MIN_LENGTH_TO_SHOW_LAST4 ? plaintext.slice(-4) : null };
}
