import { FieldMappingDto, isZoomSource, OomnitzaFieldValue } from '@zoom-oomnitza-sync/contracts';
import { compileTransform } from './compile-transform';
import { MappingProblem } from './mapping-problem';
import { Transform } from './transforms';
import { carriesSource, readSource, SourceValue, textOf, ZoomUserFields } from './zoom-values';

/** Oomnitza field ids: built-in names (FIRST_NAME) or generated hex ids of custom fields, letters, digits and underscores. */
const FIELD_ID = /^[A-Za-z0-9_]{1,100}$/;

interface CompiledLine {
  target: string;
  source?: string;
  transforms: Transform[];
  /** Every Zoom source the line reads: a webhook object that lacks one cannot fill the line. */
  reads: string[];
}

/** An integration's own mapping lines, checked and ready to run. */
export class FieldMappings {
  private constructor(private readonly lines: readonly CompiledLine[]) {}

  /**
   * Checks every line and answers the mapping, or every problem found, each at its line's path
   * (`fieldMappings[i].target`). `reservedTargets` are the fields the platform fills itself (Username,
   * Role, the sync field, Connector Sync Time): no line may write them.
   */
  static compile(lines: readonly FieldMappingDto[], reservedTargets: readonly string[]): FieldMappings | { problems: MappingProblem[] } {
    const problems: MappingProblem[] = [];
    const compiled: CompiledLine[] = [];
    const targets = new Set<string>();
    lines.forEach((line, index) => {
      const at = `fieldMappings[${index}]`;
      if (!FIELD_ID.test(line.target)) {
        problems.push({ field: `${at}.target`, message: `"${line.target}" is not an Oomnitza field id (letters, digits and _)` });
      } else if (reservedTargets.includes(line.target)) {
        problems.push({ field: `${at}.target`, message: `${line.target} is filled by the platform itself and cannot be mapped` });
      } else if (targets.has(line.target)) {
        problems.push({ field: `${at}.target`, message: `${line.target} is mapped twice` });
      }
      targets.add(line.target);
      if (line.source !== undefined && !isZoomSource(line.source)) {
        problems.push({ field: `${at}.source`, message: `"${line.source}" is not a Zoom user field` });
      }
      const steps = line.transforms ?? [];
      if (line.source === undefined && steps.length === 0) {
        problems.push({ field: at, message: 'needs a source, transforms, or both' });
      }
      const transforms: Transform[] = [];
      const reads = line.source === undefined ? [] : [line.source];
      steps.forEach((step, stepIndex) => {
        const ready = compileTransform(step);
        if (typeof ready === 'string') {
          problems.push({ field: `${at}.transforms[${stepIndex}]`, message: `${String(step.op)}: ${ready}` });
        } else {
          transforms.push(ready.transform);
          reads.push(...ready.reads);
        }
      });
      compiled.push({ target: line.target, source: line.source, transforms, reads: [...new Set(reads)] });
    });
    return problems.length > 0 ? { problems } : new FieldMappings(compiled);
  }

  /** Every Zoom source the lines read. */
  get sources(): string[] {
    return [...new Set(this.lines.flatMap((line) => line.reads))];
  }

  /**
   * The mapped fields of a user. Of a webhook's partial object (`partial`), only the lines whose
   * sources it all carries: the others would be computed from fields it does not hold.
   */
  apply(user: ZoomUserFields, partial = false): Record<string, OomnitzaFieldValue> {
    const fields: Record<string, OomnitzaFieldValue> = {};
    for (const line of this.lines) {
      if (partial && (line.reads.length === 0 || !line.reads.every((source) => carriesSource(user, source)))) {
        continue;
      }
      let value: SourceValue = line.source === undefined ? undefined : readSource(user, line.source);
      for (const transform of line.transforms) {
        value = transform(value, user);
      }
      fields[line.target] = fieldValueOf(value);
    }
    return fields;
  }
}

function fieldValueOf(value: SourceValue): OomnitzaFieldValue {
  if (value === undefined) {
    return null;
  }
  return Array.isArray(value) ? textOf(value) : (value as OomnitzaFieldValue);
}
