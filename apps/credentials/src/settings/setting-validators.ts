import { registerDecorator, ValidationArguments } from 'class-validator';
import { KEY_ID_FORMAT, parseEncryptionKeys } from './encryption-keys.setting';
import { parseServiceTokens } from './service-tokens.setting';

type ProblemsOf = (value: unknown, settings: Record<string, unknown>) => string[];

/** Refuses a setting while `problemsOf` reports problems; the message lists them all, after the setting's name. */
function satisfies(name: string, problemsOf: ProblemsOf) {
  const problemsIn = (args?: ValidationArguments) => problemsOf(args?.value, (args?.object ?? {}) as Record<string, unknown>);
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) => problemsIn(args).length === 0,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${problemsIn(args).join('; ')}`,
      },
    });
}

export const IsEncryptionKeyList = () => satisfies('isEncryptionKeyList', (value) => parseEncryptionKeys(value).problems);

export const IsServiceTokenList = () => satisfies('isServiceTokenList', (value) => parseServiceTokens(value).problems);

/** The value must be the id of one of the keys listed in the setting `keysSetting`. */
export const IsListedKeyId = (keysSetting: string) =>
  satisfies('isListedKeyId', (value, settings) => {
    if (typeof value !== 'string' || !KEY_ID_FORMAT.test(value)) {
      return [`must be the id of one of the keys in ${keysSetting}`];
    }
    const { keys, problems } = parseEncryptionKeys(settings[keysSetting]);
    // A malformed key list is reported against its own setting; only a well-formed one can be checked here.
    if (problems.length > 0 || keys.has(value)) {
      return [];
    }
    return [`"${value}" is not among the keys of ${keysSetting} (${[...keys.keys()].join(', ')})`];
  });
