/** A rate-limit policy's description in the admin's language; a policy without a catalogue entry shows its name. */
type PolicyTranslator = { has: (key: never) => boolean; (key: never): string };

export function policyName(t: PolicyTranslator, name: string): string {
  const key = `policies.${name}` as never;
  return /^[a-z_]+(\.[a-z_]+)*$/.test(name) && t.has(key) ? t(key) : name;
}
