import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { readScaleLabels, TemplateFileSchema, type TemplateForm } from "./templates";

export type Actor = { id: string; ipAddress?: string | null };

export async function listTemplates(page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db.feedbackTemplate.findMany({
      where: { archived: false },
      orderBy: { createdAt: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        description: true,
        updatedAt: true,
        _count: { select: { competencies: true, cycles: true } },
      },
    }),
    db.feedbackTemplate.count({ where: { archived: false } }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      updatedAt: row.updatedAt,
      competencies: row._count.competencies,
      cycles: row._count.cycles,
    })),
  };
}

export async function loadTemplate(id: string) {
  const template = await db.feedbackTemplate.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      competencies: {
        orderBy: { position: "asc" },
        select: { name: true, description: true, weight: true, scaleLabels: true },
      },
      _count: { select: { cycles: true } },
    },
  });
  if (!template) notFound("template not found");
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    cycles: template._count.cycles,
    competencies: template.competencies.map((competency) => ({
      name: competency.name,
      description: competency.description,
      weight: Number(competency.weight),
      scale: readScaleLabels(competency.scaleLabels),
    })),
  };
}

async function writeCompetencies(tx: Prisma.TransactionClient, templateId: string, form: TemplateForm["competencies"]) {
  await tx.feedbackCompetency.deleteMany({ where: { templateId } });
  await tx.feedbackCompetency.createMany({
    data: form.map((competency, position) => ({
      templateId,
      position,
      name: competency.name,
      description: competency.description,
      weight: competency.weight,
      scaleLabels: competency.scale,
    })),
  });
}

function slugKey() {
  return `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

export async function createTemplate(form: TemplateForm, actor: Actor) {
  return db.$transaction(async (tx) => {
    const template = await tx.feedbackTemplate.create({
      data: { key: slugKey(), name: form.name, description: form.description },
      select: { id: true },
    });
    await writeCompetencies(tx, template.id, form.competencies);
    await recordAudit(
      {
        actorId: actor.id,
        action: "feedback.template.create",
        entityType: "feedback-template",
        entityId: template.id,
        after: form,
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return template.id;
  });
}

/** Cycles copied the competencies when they opened, so editing a used template changes no past result. */
export async function updateTemplate(id: string, form: TemplateForm, actor: Actor) {
  const before = await loadTemplate(id);
  await db.$transaction(async (tx) => {
    await tx.feedbackTemplate.update({ where: { id }, data: { name: form.name, description: form.description } });
    await writeCompetencies(tx, id, form.competencies);
    await recordAudit(
      {
        actorId: actor.id,
        action: "feedback.template.update",
        entityType: "feedback-template",
        entityId: id,
        before: { name: before.name, description: before.description, competencies: before.competencies },
        after: form,
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
  });
}

export async function templateOptions() {
  return db.feedbackTemplate.findMany({
    where: { archived: false, competencies: { some: {} } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * Syncs content/feedback/templates.yaml by key. A template whose name, description and competencies already
 * match is left alone, so a second run writes nothing.
 */
export async function syncFeedbackTemplates(file = path.join(process.cwd(), "content/feedback/templates.yaml")) {
  const parsed = TemplateFileSchema.parse(parseYaml(await readFile(file, "utf8")));
  let created = 0;
  let updated = 0;
  for (const entry of parsed.templates) {
    const existing = await db.feedbackTemplate.findUnique({
      where: { key: entry.key },
      select: {
        id: true,
        name: true,
        description: true,
        competencies: {
          orderBy: { position: "asc" },
          select: { name: true, description: true, weight: true, scaleLabels: true },
        },
      },
    });
    const wanted = entry.competencies.map((competency) => ({
      name: competency.name,
      description: competency.description,
      weight: competency.weight,
      scale: competency.scale,
    }));
    if (existing) {
      const current = existing.competencies.map((competency) => ({
        name: competency.name,
        description: competency.description,
        weight: Number(competency.weight),
        scale: readScaleLabels(competency.scaleLabels),
      }));
      const same =
        existing.name === entry.name &&
        existing.description === entry.description &&
        JSON.stringify(current) === JSON.stringify(wanted);
      if (same) continue;
      await db.$transaction(async (tx) => {
        await tx.feedbackTemplate.update({
          where: { id: existing.id },
          data: { name: entry.name, description: entry.description },
        });
        await writeCompetencies(tx, existing.id, wanted);
      });
      updated += 1;
    } else {
      await db.$transaction(async (tx) => {
        const template = await tx.feedbackTemplate.create({
          data: { key: entry.key, name: entry.name, description: entry.description },
          select: { id: true },
        });
        await writeCompetencies(tx, template.id, wanted);
      });
      created += 1;
    }
  }
  return { created, updated };
}
