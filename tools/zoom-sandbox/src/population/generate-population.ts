import { chance, pick, pickSome, Random, randomInt, seededRandom, zoomStyleId } from '../random';
import { uniqueEmail } from './email-address';
import {
  CLIENT_VERSIONS,
  COMPANY_NAMES,
  COST_CENTERS,
  CULTURES,
  Culture,
  CUSTOM_ATTRIBUTE_DEFINITIONS,
  DEPARTMENTS,
  DISPLAY_NAME_DECORATIONS,
  EMAIL_DOMAINS,
  JOB_TITLES,
  LOCATIONS,
  PLAN_UNITED_TYPES,
  PoolName,
} from './name-pools';
import { ADMIN_ROLE, HELP_DESK_ROLE, MEMBER_ROLE, OWNER_ROLE, UserStatus, UserType, ZoomUser } from './zoom-user';

export interface PopulationSpec {
  seed: number;
  size: number;
  /** Dates are spread over the eight years before this instant (epoch ms). */
  referenceTime: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HISTORY_MS = 8 * 365 * DAY_MS;
const EAST_ASIAN_NAME_ORDER = new Set(['JP', 'CN', 'KR']);

/**
 * The first users after the owner cover every status and type, so even a tiny population has
 * each kind a sync must handle; the rest are drawn at random with realistic proportions.
 */
const GUARANTEED_KINDS: readonly { status: UserStatus; type: UserType }[] = [
  { status: 'inactive', type: 1 },
  { status: 'pending', type: 2 },
  { status: 'active', type: 4 },
  { status: 'active', type: 1 },
  { status: 'inactive', type: 2 },
  { status: 'pending', type: 1 },
];

/** Same seed, size and reference time: the same users, field for field. */
export function generateUsers(spec: PopulationSpec): ZoomUser[] {
  const random = seededRandom(spec.seed);
  const groupIds = Array.from({ length: 10 }, () => zoomStyleId(random));
  const imGroupIds = Array.from({ length: 5 }, () => zoomStyleId(random));
  const takenIds = new Set<string>();
  const takenEmails = new Set<string>();
  const users: ZoomUser[] = [];
  const cultureWeights = CULTURES.reduce((sum, culture) => sum + culture.weight, 0);
  for (let index = 0; index < spec.size; index += 1) {
    const culture = pickCulture(random, cultureWeights);
    const kind = index === 0 ? { status: 'active' as const, type: 2 as const } : (GUARANTEED_KINDS[index - 1] ?? randomKind(random));
    let id = zoomStyleId(random);
    while (takenIds.has(id)) {
      id = zoomStyleId(random);
    }
    takenIds.add(id);
    const [firstName, firstLatin] = nameForms(pick(random, culture.firstNames));
    const [lastName, lastLatin] = nameForms(pick(random, culture.lastNames));
    const email = uniqueEmail(firstLatin, lastLatin, pick(random, EMAIL_DOMAINS), takenEmails);
    takenEmails.add(email);
    const createdAt = spec.referenceTime - HISTORY_MS + Math.floor(((index + random()) * (HISTORY_MS - DAY_MS)) / spec.size);
    const lastLogin = lastLoginTime(random, kind.status, createdAt, spec.referenceTime);
    const sso = chance(random, 0.35);
    users.push(
      withoutUndefined({
        id,
        email,
        first_name: firstName,
        last_name: lastName,
        display_name: displayName(random, culture, firstName, lastName),
        type: kind.type,
        status: kind.status,
        pmi: randomInt(random, 2_000_000_000, 9_999_999_999),
        use_pmi: chance(random, 0.1),
        timezone: chance(random, 0.03) ? pick(random, pick(random, CULTURES).timezones) : pick(random, culture.timezones),
        verified: kind.status === 'pending' || chance(random, 0.04) ? 0 : 1,
        dept: chance(random, 0.15) ? undefined : pick(random, DEPARTMENTS),
        user_created_at: isoSeconds(createdAt),
        created_at: isoSeconds(createdAt),
        last_login_time: lastLogin === undefined ? undefined : isoSeconds(lastLogin),
        last_client_version: lastLogin === undefined ? undefined : pick(random, CLIENT_VERSIONS),
        role_id:
          index === 0 ? OWNER_ROLE.id : chance(random, 0.03) ? ADMIN_ROLE.id : chance(random, 0.02) ? HELP_DESK_ROLE.id : MEMBER_ROLE.id,
        group_ids: pickSome(random, groupIds, randomInt(random, 0, 3)),
        im_group_ids: pickSome(random, imGroupIds, randomInt(random, 0, 2)),
        employee_unique_id: sso ? zoomStyleId(random) : undefined,
        plan_united_type: kind.type === 2 && chance(random, 0.1) ? pick(random, PLAN_UNITED_TYPES) : undefined,
        license_info_list:
          kind.type === 2 && chance(random, 0.05)
            ? [
                {
                  license_type: 'MEETING' as const,
                  license_option: 2,
                  subscription_id: `SUBREF-${randomInt(random, 100000, 999999)}-${randomInt(random, 100000, 999999)}`,
                },
              ]
            : undefined,
        custom_attributes: chance(random, 0.2)
          ? pickSome(random, CUSTOM_ATTRIBUTE_DEFINITIONS, randomInt(random, 1, 3)).map((definition) => ({
              key: definition.key,
              name: definition.name,
              value: String(randomInt(random, definition.min, definition.max)),
            }))
          : undefined,
        host_key: String(randomInt(random, 0, 999_999)).padStart(6, '0'),
        language: pick(random, culture.languages),
        phone_numbers: chance(random, 0.4)
          ? [
              {
                code: culture.phoneCode,
                country: culture.country,
                label: pick(random, ['Mobile', 'Office'] as const),
                number: String(randomInt(random, 200_000_000, 999_999_999)),
                verified: chance(random, 0.7),
              },
            ]
          : [],
        job_title: chance(random, 0.8) ? pick(random, JOB_TITLES) : undefined,
        location: chance(random, 0.75) ? pick(random, LOCATIONS) : undefined,
        manager: index > 0 && chance(random, 0.6) ? users[randomInt(random, 0, index - 1)].email : undefined,
        company: chance(random, 0.9) ? pick(random, COMPANY_NAMES) : undefined,
        cost_center: chance(random, 0.5) ? pick(random, COST_CENTERS) : undefined,
        login_types: kind.status === 'pending' ? [] : sso ? [101] : chance(random, 0.05) ? [1] : [100],
      }),
    );
  }
  return users;
}

function pickCulture(random: Random, totalWeight: number): Culture {
  let remaining = random() * totalWeight;
  for (const culture of CULTURES) {
    remaining -= culture.weight;
    if (remaining < 0) {
      return culture;
    }
  }
  return CULTURES[CULTURES.length - 1];
}

function randomKind(random: Random): { status: UserStatus; type: UserType } {
  const statusDraw = random();
  const typeDraw = random();
  return {
    status: statusDraw < 0.85 ? 'active' : statusDraw < 0.95 ? 'inactive' : 'pending',
    type: typeDraw < 0.55 ? 2 : typeDraw < 0.9 ? 1 : 4,
  };
}

function nameForms(name: PoolName): [string, string] {
  return typeof name === 'string' ? [name, name] : [name[0], name[1]];
}

function displayName(random: Random, culture: Culture, first: string, last: string): string {
  const written = (name: string): boolean => /[^\p{ASCII}]/u.test(name);
  const base = EAST_ASIAN_NAME_ORDER.has(culture.country) && written(first) && written(last) ? `${last}${first}` : `${first} ${last}`;
  return chance(random, 0.02) ? `${base}${pick(random, DISPLAY_NAME_DECORATIONS)}` : base;
}

/** Most active users logged in lately, some long ago, a few never; pending users never did. */
function lastLoginTime(random: Random, status: UserStatus, createdAt: number, referenceTime: number): number | undefined {
  if (status === 'pending') {
    return undefined;
  }
  const draw = random();
  if (status === 'inactive') {
    return draw < 0.2
      ? undefined
      : Math.max(createdAt, createdAt + Math.floor(random() * Math.max(0, referenceTime - 30 * DAY_MS - createdAt)));
  }
  if (draw < 0.05) {
    return undefined;
  }
  const daysAgo = draw < 0.65 ? random() * 30 : draw < 0.9 ? 30 + random() * 335 : 365 + random() * 730;
  return Math.max(createdAt, referenceTime - Math.floor(daysAgo * DAY_MS));
}

export function isoSeconds(epochMs: number): string {
  return new Date(epochMs - (epochMs % 1000)).toISOString().replace('.000Z', 'Z');
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
