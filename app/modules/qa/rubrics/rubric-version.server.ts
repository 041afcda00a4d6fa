import type { ScoringCriterion } from "~/modules/qa/scoring";
import { db } from "~/utils/db.server";

export interface RubricCriterionView extends ScoringCriterion {
  key: string;
  name: string;
  description: string | null;
  guidance: string | null;
  maxPoints: number | null;
  allowNa: boolean;
  critical: boolean;
  bonus: boolean;
  competency: string | null;
  /** The published knowledge-base article that explains the standard ("相关知识"), if any. */
  article: { slug: string; title: string; kind: "faq" | "policy" | "case" | "product" } | null;
}

export interface RubricVersionView {
  id: string;
  rubricId: string;
  rubricName: string;
  version: number;
  passMark: number;
  channels: string[];
  sections: { id: string; name: string; criteria: RubricCriterionView[] }[];
  /** Every criterion in display order (sections flattened). */
  criteria: RubricCriterionView[];
}

/** A rubric version with sections and criteria in order: what the workbench, disputes and calibration score with. */
export async function loadRubricVersion(versionId: string): Promise<RubricVersionView | null> {
  const version = await db.rubricVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      rubricId: true,
      version: true,
      passMark: true,
      channels: true,
      rubric: { select: { name: true } },
      sections: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          criteria: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              name: true,
              description: true,
              guidance: true,
              weight: true,
              scale: true,
              maxPoints: true,
              allowNa: true,
              critical: true,
              bonus: true,
              competency: true,
              article: { select: { slug: true, title: true, kind: true, status: true } },
            },
          },
        },
      },
    },
  });
  if (!version) return null;
  const sections = version.sections.map((section) => ({
    id: section.id,
    name: section.name,
    criteria: section.criteria.map(({ article, ...criterion }) => ({
      ...criterion,
      article:
        article && article.status === "published"
          ? { slug: article.slug, title: article.title, kind: article.kind }
          : null,
    })),
  }));
  return {
    id: version.id,
    rubricId: version.rubricId,
    rubricName: version.rubric.name,
    version: version.version,
    passMark: version.passMark,
    channels: version.channels,
    sections,
    criteria: sections.flatMap((section) => section.criteria),
  };
}

/** The rubric's current version: the highest version number. */
export async function currentRubricVersionId(rubricId: string): Promise<string | null> {
  const latest = await db.rubricVersion.findFirst({
    where: { rubricId },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return latest?.id ?? null;
}
