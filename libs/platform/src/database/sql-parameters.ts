/**
 * The parameters of a statement composed from parts written in several places: each part adds
 * its values as it writes its text and gets their placeholders, so no part counts another's.
 */
export class SqlParameters {
  readonly values: unknown[] = [];

  /** The placeholder (`$n`) of a new parameter holding `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
