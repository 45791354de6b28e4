import { createCipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Clock } from '../clock';
import { USER_STATUSES, UserStatus } from '../population/zoom-user';

export interface PagePosition {
  accountOrdinal: number;
  status: UserStatus;
  offset: number;
  roleId?: string;
}

const FORMAT_VERSION = 1;
const MAC_BYTES = 12;
const FIXED_BYTES = 1 + 2 + 1 + 4 + 6 + 1;

/**
 * next_page_token: the pass (account, status, role filter), the position in it and an expiry,
 * authenticated and encrypted with keys that live as long as the sandbox. Stateless, so a load
 * test that pages millions of times costs no memory; opaque, so clients can neither read,
 * forge nor edit one. Layout: MAC (over the plain payload, also the cipher's IV) + payload.
 */
export class PageTokenCodec {
  private readonly macKey = randomBytes(32);
  private readonly cipherKey = randomBytes(16);

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  issue(position: PagePosition): string {
    const role = Buffer.from(position.roleId ?? '', 'utf8');
    if (role.length > 255) {
      throw new Error('role ids are at most 255 bytes');
    }
    const payload = Buffer.alloc(FIXED_BYTES + role.length);
    payload.writeUInt8(FORMAT_VERSION, 0);
    payload.writeUInt16BE(position.accountOrdinal, 1);
    payload.writeUInt8(USER_STATUSES.indexOf(position.status) | (position.roleId === undefined ? 0 : 0x80), 3);
    payload.writeUInt32BE(position.offset, 4);
    payload.writeUIntBE(this.clock.now() + this.lifetimeMs, 8, 6);
    payload.writeUInt8(role.length, 14);
    role.copy(payload, FIXED_BYTES);
    const mac = this.mac(payload);
    return Buffer.concat([mac, this.crypt(mac, payload)]).toString('base64url');
  }

  /** The position, or undefined when the token is malformed, forged or expired. */
  read(token: string): PagePosition | undefined {
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length < MAC_BYTES + FIXED_BYTES) {
      return undefined;
    }
    const mac = bytes.subarray(0, MAC_BYTES);
    const payload = this.crypt(mac, bytes.subarray(MAC_BYTES));
    if (!timingSafeEqual(mac, this.mac(payload)) || payload.readUInt8(0) !== FORMAT_VERSION) {
      return undefined;
    }
    const statusByte = payload.readUInt8(3);
    const status = USER_STATUSES[statusByte & 0x7f];
    const roleLength = payload.readUInt8(14);
    if (!status || payload.length !== FIXED_BYTES + roleLength || payload.readUIntBE(8, 6) <= this.clock.now()) {
      return undefined;
    }
    return {
      accountOrdinal: payload.readUInt16BE(1),
      status,
      offset: payload.readUInt32BE(4),
      roleId: statusByte & 0x80 ? payload.subarray(FIXED_BYTES).toString('utf8') : undefined,
    };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.macKey).update(payload).digest().subarray(0, MAC_BYTES);
  }

  /** AES-CTR both ways; the MAC, unique per payload, is the counter block's start. */
  private crypt(mac: Buffer, data: Buffer): Buffer {
    const counter = Buffer.alloc(16);
    mac.copy(counter);
    const cipher = createCipheriv('aes-128-ctr', this.cipherKey, counter);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  }
}
