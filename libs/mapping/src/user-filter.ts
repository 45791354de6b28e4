import { FilterGroupDto, FilterRuleDto, isZoomSource, UserFiltersDto } from '@zoom-oomnitza-sync/contracts';
import { MappingProblem } from './mapping-problem';
import { timeOf } from './transforms';
import { carriesSource, isEmptyValue, readSource, SourceValue, textOf, ZoomUserFields } from './zoom-values';

type Condition = (user: ZoomUserFields) => boolean;

/** Each item of a list (group ids), or the value itself, as lower-case text. */
function textsOf(value: SourceValue): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => !isEmptyValue(item as SourceValue)).map((item) => textOf(item as SourceValue).toLowerCase());
}

/** The rule's condition, or what is wrong with it. */
function ruleCondition(rule: FilterRuleDto): Condition | { field?: 'source' | 'value' | 'values'; message: string } {
  if (!isZoomSource(rule.source)) {
    return { field: 'source', message: `"${rule.source}" is not a Zoom user field` };
  }
  const read = (user: ZoomUserFields) => readSource(user, rule.source);
  if (rule.op === 'is_empty') {
    return (user) => isEmptyValue(read(user));
  }
  if (rule.op === 'in') {
    if (rule.values === undefined || rule.values.length === 0) {
      return { field: 'values', message: 'in needs values, a list' };
    }
    const wanted = new Set(rule.values.map((value) => String(value).toLowerCase()));
    return (user) => textsOf(read(user)).some((text) => wanted.has(text));
  }
  if (rule.value === undefined) {
    return { field: 'value', message: `${rule.op} needs a value` };
  }
  const expected = rule.value;
  switch (rule.op) {
    case 'equals':
      return (user) => textsOf(read(user)).includes(String(expected).toLowerCase());
    case 'matches':
      try {
        const expression = new RegExp(String(expected), 'i');
        return (user) => textsOf(read(user)).some((text) => expression.test(text));
      } catch (error) {
        return { field: 'value', message: `not a valid regular expression: ${(error as Error).message}` };
      }
    case 'before':
    case 'after': {
      const bound = timeOf(expected);
      if (bound === undefined) {
        return { field: 'value', message: `"${expected}" is not a date` };
      }
      return (user) => {
        const time = timeOf(read(user) as SourceValue);
        return time !== undefined && (rule.op === 'before' ? time < bound : time > bound);
      };
    }
    default:
      return { message: `"${String(rule.op)}" is not a filter operator` };
  }
}

function groupCondition(group: FilterGroupDto, at: string, problems: MappingProblem[]): Condition {
  const conditions: Condition[] = [];
  group.rules.forEach((rule, index) => {
    const condition = ruleCondition(rule);
    if (typeof condition !== 'function') {
      const path = `${at}.rules[${index}]`;
      problems.push({ field: condition.field ? `${path}.${condition.field}` : path, message: condition.message });
    } else {
      conditions.push(condition);
    }
  });
  return group.match === 'all' ? (user) => conditions.every((holds) => holds(user)) : (user) => conditions.some((holds) => holds(user));
}

/** An integration's filter rules, checked and ready: which Zoom users are synced at all. */
export class UserFilter {
  static readonly NONE = new UserFilter(() => true, []);

  private constructor(
    private readonly admitsUser: Condition,
    /** The Zoom sources the rules read. */
    readonly sources: readonly string[],
  ) {}

  /** The filter, or every problem found, each at its rule's path (`filters.include.rules[i].value`). */
  static compile(filters: UserFiltersDto | undefined): UserFilter | { problems: MappingProblem[] } {
    if (!filters || (!filters.include && !filters.exclude)) {
      return UserFilter.NONE;
    }
    const problems: MappingProblem[] = [];
    const include = filters.include ? groupCondition(filters.include, 'filters.include', problems) : () => true;
    const exclude = filters.exclude ? groupCondition(filters.exclude, 'filters.exclude', problems) : () => false;
    if (problems.length > 0) {
      return { problems };
    }
    const sources = [...(filters.include?.rules ?? []), ...(filters.exclude?.rules ?? [])].map((rule) => rule.source);
    return new UserFilter((user) => include(user) && !exclude(user), [...new Set(sources)]);
  }

  /** Whether the user is synced: the include rules match (or there are none) and the exclude rules do not. */
  admits(user: ZoomUserFields): boolean {
    return this.admitsUser(user);
  }

  /** Whether a webhook's partial object carries every field the rules read, so it can be judged alone. */
  canJudge(user: ZoomUserFields): boolean {
    return this.sources.every((source) => carriesSource(user, source));
  }
}
