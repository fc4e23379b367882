/**
 * A tenant's users for its admins: searched by email, name or subject (case-insensitive substring), paged
 * (USERS_PAGE_SIZE a page, with the total so the page can say "26–50 of 312"). Scoped to one tenant; callers
 * authorize (requireTenantPage). Malformed query strings fall back to the first page of everyone.
 */
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import type { UserRow } from './manage-users';

export const USERS_PAGE_SIZE = 25;

export const usersQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).transform((s) => s || undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type UsersQuery = z.output<typeof usersQuerySchema>;

export type UsersPage = { users: UserRow[]; total: number; page: number; pageCount: number; pageSize: number };

export async function searchUsers(tenantId: string, query: UsersQuery): Promise<UsersPage> {
  const contains = query.q ? { contains: query.q, mode: 'insensitive' as const } : undefined;
  const where = {
    tenantId,
    ...(contains ? { OR: [{ email: contains }, { name: contains }, { sub: contains }] } : {}),
  };
  const db = getDb();
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  // A page past the end shows the last one rather than an empty list.
  const page = Math.min(query.page, pageCount);
  const users = await db.user.findMany({
    where,
    select: { id: true, sub: true, email: true, name: true, role: true, status: true, createdAt: true, lastLoginAt: true },
    // `id` last: a stable order, so no one appears on two pages or none.
    orderBy: [{ role: 'desc' }, { email: { sort: 'asc', nulls: 'last' } }, { sub: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
  });
  return { users, total, page, pageCount, pageSize: USERS_PAGE_SIZE };
}
