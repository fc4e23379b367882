/** An audit event code's readable name in the admin's language; a code without a catalogue entry shows as itself. */
type EventTranslator = { has: (key: never) => boolean; (key: never): string };

export function eventName(t: EventTranslator, type: string): string {
  const key = `events.${type}` as never;
  return /^[a-z_]+(\.[a-z_]+)?$/.test(type) && t.has(key) ? t(key) : type;
}
