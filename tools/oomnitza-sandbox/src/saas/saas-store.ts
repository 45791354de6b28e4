import { SaasAppOptions, SaasRoleInput } from '../config';
import { FilterFieldType } from '../filter/filter-compiler';
import { HttpError } from '../http/http-error';

export interface SaasApp {
  id: string;
  name: string;
  sync_key: string;
}

export interface SaasRole {
  role_id: number;
  role_external_id: string;
  role_external_label: string;
}

export type SaasUserStatus = 'active' | 'inactive';

/** A person's account in the SaaS app: the Zoom user behind an Oomnitza person. */
export interface SaasUser {
  saas_user_id: number;
  saas_id: string;
  user_id: number;
  user_external_id: string | null;
  role_id: number | null;
  role_external_id: string | null;
  status: SaasUserStatus;
  license_type: string | null;
  last_activity_date: number | null;
  last_client_version: string | null;
  creation_date: number;
  change_date: number;
}

/** What a link may set besides the person: from the bulk `SAAS` field or the SaaS users API. */
export interface SaasLinkAttributes {
  user_external_id?: string | null;
  role_external_id?: string | null;
  role_external_label?: string | null;
  status?: SaasUserStatus;
  license_type?: string | null;
  last_activity_date?: number | null;
  last_client_version?: string | null;
}

export const SAAS_USER_FILTER_TYPES: Readonly<Record<string, FilterFieldType>> = {
  saas_user_id: 'integer',
  saas_id: 'string',
  user_id: 'integer',
  user_external_id: 'string',
  role_id: 'integer',
  role_external_id: 'string',
  status: 'string',
  license_type: 'string',
  last_activity_date: 'date',
  last_client_version: 'string',
  creation_date: 'date',
  change_date: 'date',
};

/** The Zoom SaaS app, its roles and its users (each linked to one person). */
export class SaasStore {
  readonly app: SaasApp;
  private readonly roles = new Map<string, SaasRole>();
  private readonly users = new Map<number, SaasUser>();
  private readonly byPerson = new Map<number, SaasUser>();
  private readonly initialRoles: readonly SaasRoleInput[];
  private nextRoleId = 1;
  private nextUserId = 1;

  constructor(options: Required<SaasAppOptions>) {
    this.app = { id: options.id, name: options.name, sync_key: options.syncKey };
    this.initialRoles = options.roles;
    this.clear();
  }

  /** The app a bulk `SAAS` value names: by `selected_saas_id`, else `sync_key`, else `name`. */
  resolveApp(reference: { selected_saas_id?: unknown; sync_key?: unknown; name?: unknown }): SaasApp | undefined {
    if (reference.selected_saas_id !== undefined && reference.selected_saas_id !== null) {
      return String(reference.selected_saas_id) === this.app.id ? this.app : undefined;
    }
    if (typeof reference.sync_key === 'string' && reference.sync_key !== '') {
      return reference.sync_key.toLowerCase() === this.app.sync_key.toLowerCase() ? this.app : undefined;
    }
    if (typeof reference.name === 'string' && reference.name !== '') {
      return reference.name.toLowerCase() === this.app.name.toLowerCase() ? this.app : undefined;
    }
    return undefined;
  }

  requireApp(saasId: string): SaasApp {
    if (saasId !== this.app.id) {
      throw new HttpError(404, `SaaS ${saasId} not found`);
    }
    return this.app;
  }

  rolesWithCounts(): (SaasRole & { users_count: number })[] {
    const counts = new Map<number, number>();
    for (const user of this.users.values()) {
      if (user.role_id !== null) {
        counts.set(user.role_id, (counts.get(user.role_id) ?? 0) + 1);
      }
    }
    return [...this.roles.values()].map((role) => ({ ...role, users_count: counts.get(role.role_id) ?? 0 }));
  }

  addRole(input: SaasRoleInput): SaasRole {
    if (this.roles.has(input.role_external_id)) {
      throw new HttpError(409, `SaaS role ${input.role_external_id} already exists`);
    }
    return this.createRole(input.role_external_id, input.role_external_label);
  }

  /** A Zoom role seen for the first time on a SaaS user becomes a role of the app. */
  private roleFor(externalId: string, label: string | null | undefined): SaasRole {
    return this.roles.get(externalId) ?? this.createRole(externalId, label ?? externalId);
  }

  private createRole(externalId: string, label: string): SaasRole {
    const role = { role_id: this.nextRoleId++, role_external_id: externalId, role_external_label: label };
    this.roles.set(externalId, role);
    return role;
  }

  all(): SaasUser[] {
    return [...this.users.values()];
  }

  get(saasUserId: number): SaasUser | undefined {
    return this.users.get(saasUserId);
  }

  ofPerson(personId: number): SaasUser | undefined {
    return this.byPerson.get(personId);
  }

  /** Creates or updates the person's SaaS user; attributes left undefined keep their value. */
  link(personId: number, attributes: SaasLinkAttributes, now: number): SaasUser {
    let user = this.byPerson.get(personId);
    if (!user) {
      user = {
        saas_user_id: this.nextUserId++,
        saas_id: this.app.id,
        user_id: personId,
        user_external_id: null,
        role_id: null,
        role_external_id: null,
        status: 'active',
        license_type: null,
        last_activity_date: null,
        last_client_version: null,
        creation_date: now,
        change_date: now,
      };
      this.users.set(user.saas_user_id, user);
      this.byPerson.set(personId, user);
    }
    if (attributes.user_external_id !== undefined) {
      user.user_external_id = attributes.user_external_id;
    }
    if (attributes.role_external_id !== undefined) {
      const role = attributes.role_external_id === null ? null : this.roleFor(attributes.role_external_id, attributes.role_external_label);
      user.role_id = role?.role_id ?? null;
      user.role_external_id = role?.role_external_id ?? null;
    }
    if (attributes.status !== undefined) {
      user.status = attributes.status;
    }
    if (attributes.last_activity_date !== undefined) {
      user.last_activity_date = attributes.last_activity_date;
    }
    for (const key of ['license_type', 'last_client_version'] as const) {
      if (attributes[key] !== undefined) {
        user[key] = attributes[key];
      }
    }
    user.change_date = now;
    return user;
  }

  unlinkPerson(personId: number): boolean {
    const user = this.byPerson.get(personId);
    if (user) {
      this.users.delete(user.saas_user_id);
      this.byPerson.delete(personId);
    }
    return user !== undefined;
  }

  /** Per id `{ saas_user_id, error }`: an unknown id is an error, setting the current status again is not. */
  setStatus(saasUserIds: readonly unknown[], status: SaasUserStatus, now: number): { saas_user_id: unknown; error: string | null }[] {
    return saasUserIds.map((saasUserId) => {
      const id = typeof saasUserId === 'string' && /^\d+$/.test(saasUserId) ? Number(saasUserId) : saasUserId;
      const user = typeof id === 'number' ? this.users.get(id) : undefined;
      if (!user) {
        return { saas_user_id: saasUserId, error: `SaaS user ${JSON.stringify(saasUserId)} not found` };
      }
      if (user.status !== status) {
        user.status = status;
        user.change_date = now;
      }
      return { saas_user_id: saasUserId, error: null };
    });
  }

  clear(): void {
    this.users.clear();
    this.byPerson.clear();
    this.roles.clear();
    this.nextRoleId = 1;
    this.nextUserId = 1;
    for (const role of this.initialRoles) {
      this.createRole(role.role_external_id, role.role_external_label);
    }
  }
}
