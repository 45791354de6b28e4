import { Cron } from 'croner';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** A cron expression croner accepts: five fields, or six with seconds first. */
export function IsCronExpression(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCronExpression',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'expression must be a cron expression of five fields, or six with seconds first', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') {
            return false;
          }
          try {
            new Cron(value, { paused: true, mode: '5-or-6-parts' });
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}
