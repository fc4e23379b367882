/**
 * A moment as the admin's local time (the `tz` cookie's zone, else UTC, always named), in a <time> element
 * whose `dateTime` is the ISO instant and whose tooltip is the UTC time. Formatted by next-intl in the
 * admin's language.
 */
import { getFormatter } from '@/lib/i18n/server';

const LOCAL = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
const UTC = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC', timeZoneName: 'short' } as const;

export async function LocalTime({ value, dateOnly = false }: { value: Date; dateOnly?: boolean }) {
  const format = await getFormatter();
  const shown = dateOnly ? format.dateTime(value, { year: 'numeric', month: 'short', day: 'numeric' }) : format.dateTime(value, LOCAL);
  return (
    <time dateTime={value.toISOString()} title={format.dateTime(value, UTC)} className="sm:whitespace-nowrap">
      {shown}
    </time>
  );
}
