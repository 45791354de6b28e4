import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AlertKind } from '@zoom-oomnitza-sync/contracts';
import { ConflictProblem, NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ContactEntity } from './contact.entity';
import { CreateContactDto, UpdateContactDto } from './contact.dto';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ContactsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(tenantId: string, integrationId: string, input: CreateContactDto): Promise<ContactEntity> {
    return this.saveOrConflict(
      this.dataSource
        .getRepository(ContactEntity)
        .create({ tenantId, integrationId, name: input.name, email: input.email, alerts: input.alerts ?? [] }),
    );
  }

  list(tenantId: string, integrationId: string): Promise<ContactEntity[]> {
    return this.dataSource.getRepository(ContactEntity).find({ where: { tenantId, integrationId }, order: { createdAt: 'ASC' } });
  }

  async update(tenantId: string, id: string, changes: UpdateContactDto): Promise<ContactEntity> {
    const contact = await this.get(tenantId, id);
    return this.saveOrConflict(Object.assign(contact, changes));
  }

  async remove(tenantId: string, id: string): Promise<void> {
    const { affected } = await this.dataSource.getRepository(ContactEntity).delete({ tenantId, id });
    if (!affected) {
      throw new NotFoundProblem(`Contact ${id} was not found.`);
    }
  }

  /** Inside the alert's transaction: the integration's contacts who chose to hear this kind of alert. */
  recipientsOf(manager: EntityManager, tenantId: string, integrationId: string, kind: AlertKind): Promise<ContactEntity[]> {
    return manager
      .createQueryBuilder(ContactEntity, 'contact')
      .where('contact.tenant_id = :tenantId AND contact.integration_id = :integrationId', { tenantId, integrationId })
      .andWhere("(contact.alerts = '{}' OR :kind = ANY(contact.alerts))", { kind })
      .orderBy('contact.created_at')
      .getMany();
  }

  /** Another tenant's contact does not exist for the caller: 404. */
  private async get(tenantId: string, id: string): Promise<ContactEntity> {
    const contact = await this.dataSource.getRepository(ContactEntity).findOneBy({ tenantId, id });
    if (!contact) {
      throw new NotFoundProblem(`Contact ${id} was not found.`);
    }
    return contact;
  }

  private async saveOrConflict(contact: ContactEntity): Promise<ContactEntity> {
    try {
      return await this.dataSource.getRepository(ContactEntity).save(contact);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictProblem(`${contact.email} is already a contact of integration ${contact.integrationId}.`);
      }
      throw error;
    }
  }
}
