import { getPglite } from '@/lib/db/client';
await getPglite()!.waitReady; console.log('holding', process.pid);
await new Promise((r) => setTimeout(r, 20000));
