import { data, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { clientIp } from "~/modules/identity/session.server";
import { authenticateApiRequest } from "~/modules/qa/api-tokens.server";
import { importItems } from "~/modules/qa/import/import.server";
import { IMPORT_LIMITS } from "~/modules/qa/import/limits";

/**
 * POST /api/v1/conversations — server-to-server import of up to 1,000 conversations per call, authenticated with
 * `Authorization: Bearer <token>` (no session, no cookie). Same contract and idempotency as the file import.
 */
export function loader() {
  return data({ error: "method-not-allowed", allowed: ["POST"] }, { status: 405, headers: { Allow: "POST" } });
}

async function readBody(
  request: Request,
): Promise<{ ok: true; text: string } | { ok: false; status: number; error: string }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > IMPORT_LIMITS.maxApiBodyBytes) return { ok: false, status: 413, error: "body-too-large" };
  if (!request.body) return { ok: false, status: 400, error: "empty-body" };
  // Counted while reading: a chunked body has no Content-Length to trust.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > IMPORT_LIMITS.maxApiBodyBytes) {
      await reader.cancel();
      return { ok: false, status: 413, error: "body-too-large" };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    return data({ error: "method-not-allowed", allowed: ["POST"] }, { status: 405, headers: { Allow: "POST" } });
  }
  const token = await authenticateApiRequest(request);
  if (!token.ok) {
    return data({ error: token.reason }, { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="api"' } });
  }
  const body = await readBody(request);
  if (!body.ok) return data({ error: body.error, maxBytes: IMPORT_LIMITS.maxApiBodyBytes }, { status: body.status });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch (error) {
    return data({ error: "invalid-json", detail: error instanceof Error ? error.message : null }, { status: 400 });
  }
  if (!Array.isArray(parsed)) return data({ error: "expected-array" }, { status: 400 });
  if (parsed.length === 0) return data({ error: "empty-array" }, { status: 400 });
  if (parsed.length > IMPORT_LIMITS.maxApiItems) {
    return data({ error: "too-many-items", max: IMPORT_LIMITS.maxApiItems, received: parsed.length }, { status: 400 });
  }

  const result = await importItems(parsed, { source: "api", apiTokenId: token.tokenId, createdById: null });
  await recordAudit({
    actorId: null,
    action: "conversation.import",
    entityType: "ImportBatch",
    entityId: result.batchId,
    after: { source: "api", apiTokenId: token.tokenId, ...result.counts },
    ipAddress: clientIp(request),
  });
  return data({
    batchId: result.batchId,
    received: parsed.length,
    created: result.counts.created,
    updated: result.counts.updated,
    unchanged: result.counts.unchanged,
    rejected: result.counts.rejected,
    rejections: result.rejections
      .map((rejection) => ({
        index: rejection.line - 1,
        id: rejection.externalId,
        reason: rejection.reason,
        detail: rejection.detail,
      }))
      .sort((a, b) => a.index - b.index),
  });
}
