import { FieldMappingDto, TransformDto, zoomValueKind, ZoomValueKind } from '@zoom-oomnitza-sync/contracts';

/**
 * What a mapping line can write, known before it runs: the kinds of its values, the literal values
 * its tables and defaults put in, and whether other values (read from Zoom) may come too.
 */
export interface LineValues {
  kinds: ReadonlySet<ZoomValueKind>;
  literals: ReadonlyArray<string | number>;
  /** Values besides the literals may come: a Zoom field read as it is, or made into text. */
  open: boolean;
}

const literalKind = (value: string | number): ZoomValueKind => (typeof value === 'number' ? 'number' : 'text');

function after(values: LineValues, step: TransformDto): LineValues {
  const text = (literals: ReadonlyArray<string | number>) => ({ kinds: new Set<ZoomValueKind>(['text']), literals, open: values.open });
  switch (step.op) {
    case 'trim':
      return text(values.literals.map((literal) => String(literal).trim()));
    case 'lower':
      return text(values.literals.map((literal) => String(literal).toLowerCase()));
    case 'upper':
      return text(values.literals.map((literal) => String(literal).toUpperCase()));
    case 'template':
    case 'regex_replace':
      return { kinds: new Set(['text']), literals: [], open: true };
    case 'default': {
      const fallback = step.value ?? '';
      return { kinds: new Set([...values.kinds, literalKind(fallback)]), literals: [...values.literals, fallback], open: values.open };
    }
    case 'lookup': {
      const mapped = Object.values(step.table ?? {});
      const fallback = step.value === undefined ? [] : [step.value];
      const literals = [...mapped, ...fallback];
      // Without a fallback, a value missing from the table goes on as it is.
      const passes = step.value === undefined;
      return {
        kinds: new Set([...(passes ? values.kinds : []), ...literals.map(literalKind)]),
        literals: passes ? [...values.literals, ...literals] : literals,
        open: passes && values.open,
      };
    }
    case 'date':
      return { kinds: new Set(['date']), literals: [], open: true };
    case 'number':
      return { kinds: new Set(['number']), literals: [], open: true };
    case 'first_non_empty':
      return { kinds: new Set([...values.kinds, ...(step.sources ?? []).map(zoomValueKind)]), literals: values.literals, open: true };
    default:
      return values;
  }
}

/** The values a line (or a standard field, a line without transforms) can write. */
export function lineValues(line: Pick<FieldMappingDto, 'source' | 'transforms'>): LineValues {
  const start: LineValues =
    line.source === undefined
      ? { kinds: new Set(), literals: [], open: false }
      : { kinds: new Set([zoomValueKind(line.source)]), literals: [], open: true };
  return (line.transforms ?? []).reduce(after, start);
}
