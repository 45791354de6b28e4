import { Injectable } from '@nestjs/common';
import { OomnitzaCatalogue } from '@zoom-oomnitza-sync/contracts';
import { CredentialsClient } from '@zoom-oomnitza-sync/credentials-client';
import { AppLogger } from '@zoom-oomnitza-sync/platform';

/** Reads the people fields and roles of an Oomnitza through the credentials service, which holds its token. */
@Injectable()
export class OomnitzaCatalogueReader {
  constructor(
    private readonly credentials: CredentialsClient,
    private readonly logger: AppLogger,
  ) {}

  /** What could be read: an Oomnitza or credentials service that cannot answer leaves the catalogue unknown, with the reason. */
  async read(tenantId: string, oomnitzaCredentialId: string): Promise<OomnitzaCatalogue> {
    try {
      return await this.credentials.oomnitzaCatalogue({ tenantId, credentialId: oomnitzaCredentialId });
    } catch (error) {
      const reason = `the credentials service could not read Oomnitza's catalogue: ${error instanceof Error ? error.message : String(error)}`;
      this.logger.pino.warn({ tenantId, oomnitzaCredentialId, reason }, 'oomnitza catalogue unavailable');
      return { fields: null, roles: null, unavailable: [reason] };
    }
  }
}
