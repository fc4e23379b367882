'use client';
/**
 * Writes the browser's time zone into the `tz` cookie (read by lib/i18n/request.ts), so dates formatted on the
 * server show in local time. Renders nothing; the next request after a change carries the new zone.
 */
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/lib/i18n/locales';

export function TimeZoneCookie({ current }: { current: string | undefined }) {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === current || zone.length > 64) return;
    const secure = window.location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
  }, [current]);
  return null;
}
