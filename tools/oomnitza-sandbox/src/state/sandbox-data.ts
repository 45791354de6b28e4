import { CustomFieldInput, PortionAnswers, RoleDefinition, SaasAppOptions } from '../config';
import { Faults, FaultSettingsInput } from '../faults/faults';
import { HttpError } from '../http/http-error';
import { FieldDefinition, PeopleSchema } from '../people/people-schema';
import { Person, PeopleStore } from '../people/people-store';
import { RunsStore } from '../runs/runs-store';
import { SaasStore } from '../saas/saas-store';

export interface SandboxConfiguration {
  readonly roles: readonly RoleDefinition[];
  readonly customFields: readonly CustomFieldInput[];
  readonly saas: Required<SaasAppOptions>;
  readonly faults: FaultSettingsInput;
  readonly portionAnswers: PortionAnswers;
}

/** Everything the sandbox holds, in memory; `reset()` returns it to the configuration it started with. */
export class SandboxData {
  schema!: PeopleSchema;
  people!: PeopleStore;
  readonly roles = new Map<number, RoleDefinition>();
  readonly roleIds = new Set<number>();
  readonly saas: SaasStore;
  readonly runs = new RunsStore();
  readonly faults = new Faults();
  /** When a bulk record last created or updated each person (ISO-8601, milliseconds), by person id. */
  readonly writtenAt = new Map<number, string>();

  constructor(private readonly configuration: SandboxConfiguration) {
    this.saas = new SaasStore(configuration.saas);
    this.reset();
  }

  get portionAnswers(): PortionAnswers {
    return this.configuration.portionAnswers;
  }

  reset(): void {
    this.schema = new PeopleSchema(this.configuration.customFields);
    this.people = new PeopleStore(this.schema);
    this.roles.clear();
    this.roleIds.clear();
    for (const role of this.configuration.roles) {
      this.roles.set(role.id, { ...role });
      this.roleIds.add(role.id);
    }
    this.saas.clear();
    this.runs.clear();
    this.writtenAt.clear();
    this.faults.set(this.configuration.faults);
  }

  defineCustomField(input: CustomFieldInput): FieldDefinition {
    const field = this.schema.defineCustomField(input);
    this.people.addField(field);
    return field;
  }

  addRole(role: RoleDefinition): RoleDefinition {
    if (this.roles.has(role.id)) {
      throw new HttpError(409, `Role ${role.id} already exists`);
    }
    this.roles.set(role.id, { ...role });
    this.roleIds.add(role.id);
    return role;
  }

  /** Removes the person and their SaaS user. */
  deletePerson(id: number): Person | undefined {
    const person = this.people.delete(id);
    if (person) {
      this.saas.unlinkPerson(id);
      this.writtenAt.delete(id);
    }
    return person;
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
