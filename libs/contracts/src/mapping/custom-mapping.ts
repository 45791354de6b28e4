import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsStringOrNumber } from '../common/is-string-or-number';

/**
 * The shape of an integration's own mapping lines and filter rules, as the scheduler's API takes
 * them and integration.changed carries them. What each option means, and the checks a shape alone
 * cannot make (a valid pattern, a known source), are the mapping engine's (libs/mapping).
 */
export const TRANSFORM_OPS = [
  'trim',
  'lower',
  'upper',
  'default',
  'template',
  'regex_replace',
  'lookup',
  'date',
  'number',
  'first_non_empty',
] as const;
export type TransformOp = (typeof TRANSFORM_OPS)[number];

export const DATE_FORMATS = ['iso', 'unix'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** One step of a mapped field's value: `op` names it, the other members are its options. */
export class TransformDto {
  @IsIn(TRANSFORM_OPS)
  op: TransformOp;

  /** default: the value of an empty field. */
  @IsOptional()
  @IsStringOrNumber()
  value?: string | number;

  /** template: text with `{source}` placeholders, e.g. `{first_name} {last_name}`; `{value}` is the value so far. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  template?: string;

  /** regex_replace: a JavaScript regular expression, its replacement (`$1` refers to a group) and flags. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  pattern?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  replacement?: string;

  @IsOptional()
  @IsString()
  @MaxLength(6)
  flags?: string;

  /** lookup: value → Oomnitza value; a value not in the table becomes `value` when that is set, else stays. */
  @IsOptional()
  @IsObject()
  table?: Record<string, string | number>;

  /** date: ISO-8601 or Unix seconds, the two forms Oomnitza accepts. */
  @IsOptional()
  @IsIn(DATE_FORMATS)
  format?: DateFormat;

  /** first_non_empty: sources tried in turn after the value so far. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  sources?: string[];
}

/** One mapped field: the Oomnitza field `target` gets `source` (a Zoom field) passed through `transforms`. */
export class FieldMappingDto {
  @IsString()
  @MaxLength(200)
  target: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TransformDto)
  transforms?: TransformDto[];
}

export const FILTER_OPERATORS = ['equals', 'in', 'matches', 'is_empty', 'before', 'after'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export const FILTER_MATCHES = ['all', 'any'] as const;

/** One condition on a Zoom field: `value` for equals, matches (a regular expression), before and after; `values` for in. */
export class FilterRuleDto {
  @IsString()
  @MaxLength(200)
  source: string;

  @IsIn(FILTER_OPERATORS)
  op: FilterOperator;

  @IsOptional()
  @IsStringOrNumber()
  value?: string | number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsStringOrNumber({ each: true })
  values?: (string | number)[];
}

/** Rules combined: a user matches when all of them, or any of them, hold. */
export class FilterGroupDto {
  @IsIn(FILTER_MATCHES)
  match: (typeof FILTER_MATCHES)[number];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FilterRuleDto)
  rules: FilterRuleDto[];
}

/** Which Zoom users are synced: those the include group matches (all when absent) that the exclude group does not. */
export class UserFiltersDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => FilterGroupDto)
  include?: FilterGroupDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => FilterGroupDto)
  exclude?: FilterGroupDto;
}
