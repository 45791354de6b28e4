import type { SandboxStateExport } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { OomnitzaInstance } from './zoom-sync-setup';

/** A person as the Oomnitza sandbox's state export shows it: properties and custom field ids, and `written_at`. */
export type OomnitzaPerson = SandboxStateExport['people'][number];

/** The Oomnitza sandbox's state export, over its admin API. */
export async function oomnitzaState(oomnitza: OomnitzaInstance): Promise<SandboxStateExport> {
  const response = await fetch(`${oomnitza.url}/sandbox/state`, { headers: { 'x-sandbox-admin-key': oomnitza.adminKey } });
  if (!response.ok) {
    throw new Error(`the Oomnitza sandbox's state export answered ${response.status}`);
  }
  return (await response.json()) as SandboxStateExport;
}

/** Every person, by e-mail address in lower case. */
export async function oomnitzaPeople(oomnitza: OomnitzaInstance): Promise<Map<string, OomnitzaPerson>> {
  const { people } = await oomnitzaState(oomnitza);
  return new Map(people.map((person) => [String(person.email).toLowerCase(), person]));
}

/**
 * Polls the Oomnitza sandbox until the person with this e-mail address satisfies `expected`; on
 * timeout the error shows the person as Oomnitza last held them.
 */
export async function waitForPerson(
  oomnitza: OomnitzaInstance,
  email: string,
  expected: (person: OomnitzaPerson) => boolean,
  options: { timeoutMs?: number; description?: string } = {},
): Promise<OomnitzaPerson> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const person = (await oomnitzaPeople(oomnitza)).get(email.toLowerCase());
    if (person && expected(person)) {
      return person;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${email} ${options.description ?? 'to be as expected'} in Oomnitza; it holds ${JSON.stringify(person ?? null)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
