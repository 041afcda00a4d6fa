/**
 * API tokens for server-to-server calls (POST /api/v1/conversations). The secret is shown once at creation; only
 * its sha256 is stored, so a database leak does not leak working tokens. The "fwk_" prefix lets secret scanners
 * and people recognise a token.
 */
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";

export const TOKEN_PREFIX = "fwk_";
/** Characters of the token kept in clear to tell tokens apart in the list. */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export async function createApiToken(name: string, actor: { id: string; ipAddress?: string | null }) {
  const secret = generateTokenSecret();
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name, prefix: secret.slice(0, SHOWN_PREFIX_LENGTH), tokenHash: hashToken(secret), createdById: actor.id },
      select: { id: true, name: true, prefix: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "api-token.create",
        entityType: "ApiToken",
        entityId: created.id,
        after: { name: created.name, prefix: created.prefix },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return created;
  });
  return { ...token, secret };
}

/** Returns false when the token does not exist or was already revoked. */
export async function revokeApiToken(tokenId: string, actor: { id: string; ipAddress?: string | null }) {
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) return false;
    const token = await tx.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: { name: true, prefix: true } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "api-token.revoke",
        entityType: "ApiToken",
        entityId: tokenId,
        before: { name: token.name, prefix: token.prefix },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return true;
  });
}

export async function listApiTokens(page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db.apiToken.findMany({
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        prefix: true,
        createdAt: true,
        lastUsedAt: true,
        revokedAt: true,
        createdBy: { select: { name: true, externalId: true } },
      },
    }),
    db.apiToken.count(),
  ]);
  return { rows, total };
}

export type TokenCheck = { ok: true; tokenId: string; createdById: string | null } | { ok: false; reason: string };

/** Checks an `Authorization: Bearer <token>` header; marks the token used. */
export async function authenticateApiRequest(request: Request): Promise<TokenCheck> {
  const header = request.headers.get("authorization");
  if (!header) return { ok: false, reason: "missing-token" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { ok: false, reason: "malformed-authorization-header" };
  const secret = match[1]!;
  if (!secret.startsWith(TOKEN_PREFIX)) return { ok: false, reason: "invalid-token" };
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, revokedAt: true, createdById: true },
  });
  if (!token) return { ok: false, reason: "invalid-token" };
  if (token.revokedAt) return { ok: false, reason: "revoked-token" };
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return { ok: true, tokenId: token.id, createdById: token.createdById };
}
