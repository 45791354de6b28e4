import { OomnitzaFieldInfo, ZoomValueKind } from '@zoom-oomnitza-sync/contracts';
import { LineValues } from './line-values';

const KINDS_A_FIELD_TAKES: Partial<Record<OomnitzaFieldInfo['type'], { kinds: ZoomValueKind[]; hint: string }>> = {
  integer: { kinds: ['number'], hint: 'takes whole numbers: add a number transform' },
  number: { kinds: ['number'], hint: 'takes numbers: add a number transform' },
  date: { kinds: ['date', 'number'], hint: 'takes dates (ISO-8601 or Unix seconds): add a date transform' },
  boolean: { kinds: ['boolean', 'number'], hint: 'takes true or false' },
};

const describeField = (field: OomnitzaFieldInfo) =>
  `${field.label} (${field.id}) is ${field.type === 'integer' ? 'an' : 'a'} ${field.type} field`;

/** Why what a line writes cannot go into an Oomnitza field of that type, if it cannot. */
export function fieldFitProblem(field: OomnitzaFieldInfo, values: LineValues): string | undefined {
  const takes = KINDS_A_FIELD_TAKES[field.type];
  if (takes) {
    const unfit = [...values.kinds].filter((kind) => !takes.kinds.includes(kind));
    if (unfit.length > 0) {
      return `${describeField(field)} that ${takes.hint} (this line writes ${unfit.join(' and ')})`;
    }
    if (field.type === 'integer') {
      const fraction = values.literals.find((literal) => typeof literal === 'number' && !Number.isInteger(literal));
      if (fraction !== undefined) {
        return `${describeField(field)}: ${fraction} is not a whole number`;
      }
    }
  }
  if (field.type === 'dropdown' && field.values) {
    const allowed = new Set(field.values);
    const outside = values.literals.map(String).filter((literal) => !allowed.has(literal));
    if (outside.length > 0) {
      const listed = [...new Set(outside)].map((value) => JSON.stringify(value)).join(', ');
      return `${describeField(field)} with the values ${field.values.join(', ')}: ${listed} ${outside.length === 1 ? 'is' : 'are'} not among them`;
    }
  }
  return undefined;
}
