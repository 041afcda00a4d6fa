import { db, type Prisma } from "~/utils/db.server";

type Client = Pick<typeof db, "notification">;

export type NewNotification = {
  userId: string;
  /** Catalogue key under notifications:kinds.* — rendered in the reader's language. */
  kind: string;
  params?: Record<string, string | number>;
  link?: string | null;
};

export async function notify(notifications: NewNotification | NewNotification[], client: Client = db) {
  const list = Array.isArray(notifications) ? notifications : [notifications];
  if (list.length === 0) return 0;
  const result = await client.notification.createMany({
    data: list.map((item) => ({
      userId: item.userId,
      kind: item.kind,
      params: (item.params ?? {}) as Prisma.InputJsonValue,
      link: item.link ?? null,
    })),
  });
  return result.count;
}

export function unreadCount(userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(
  userId: string,
  options: { page: number; pageSize: number; unreadOnly?: boolean },
) {
  const where = { userId, ...(options.unreadOnly ? { readAt: null } : {}) };
  const [rows, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where }),
  ]);
  return { rows, total };
}

/** Marks one of the user's notifications read; returns false when it is not theirs or does not exist. */
export async function markNotificationRead(userId: string, notificationId: string) {
  const result = await db.notification.updateMany({
    where: { id: notificationId, userId, readAt: null },
    data: { readAt: new Date() },
  });
  if (result.count === 0) {
    const exists = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true } });
    return exists !== null;
  }
  return true;
}

export async function markAllNotificationsRead(userId: string) {
  const result = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return result.count;
}
