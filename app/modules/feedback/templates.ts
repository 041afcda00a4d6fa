/** Template form and file schemas (pure; shared by the form, the action and the content sync). */
import { z } from "zod";

export const NAME_MAX = 80;
export const DESCRIPTION_MAX = 500;
export const SCALE_LABEL_MAX = 200;
export const COMPETENCIES_MAX = 12;

const requiredText = (max: number) =>
  z
    .string({ message: "validation:required" })
    .trim()
    .min(1, { message: "validation:required" })
    .max(max, { message: "feedback:errors.tooLong" });

export const CompetencyInputSchema = z.object({
  name: requiredText(NAME_MAX),
  description: z.string().trim().max(DESCRIPTION_MAX, { message: "feedback:errors.tooLong" }).default(""),
  weight: z.coerce
    .number({ message: "feedback:errors.competencyWeight" })
    .positive({ message: "feedback:errors.competencyWeight" })
    .max(1000, { message: "feedback:errors.competencyWeight" })
    .multipleOf(0.01, { message: "feedback:errors.competencyWeight" }),
  scale: z.array(requiredText(SCALE_LABEL_MAX)).length(5, { message: "feedback:errors.fiveLabels" }),
});
export type CompetencyInput = z.infer<typeof CompetencyInputSchema>;

export const TemplateFormSchema = z
  .object({
    name: requiredText(NAME_MAX),
    description: z.string().trim().max(DESCRIPTION_MAX, { message: "feedback:errors.tooLong" }).default(""),
    competencies: z
      .array(CompetencyInputSchema, { message: "feedback:errors.noCompetencies" })
      .min(1, { message: "feedback:errors.noCompetencies" })
      .max(COMPETENCIES_MAX, { message: "feedback:errors.tooManyCompetencies" }),
  })
  .superRefine((value, context) => {
    const seen = new Set<string>();
    value.competencies.forEach((competency, index) => {
      if (seen.has(competency.name))
        context.addIssue({
          code: "custom",
          path: ["competencies", index, "name"],
          message: "feedback:errors.duplicateName",
        });
      seen.add(competency.name);
    });
  });
export type TemplateForm = z.infer<typeof TemplateFormSchema>;

/** content/feedback/templates.yaml: a list of templates keyed by a stable `key`. */
export const TemplateFileSchema = z.object({
  templates: z.array(
    z.object({
      key: z.string().regex(/^[a-z0-9-]+$/, "key: a-z, 0-9 and hyphens"),
      name: z.string().trim().min(1).max(NAME_MAX),
      description: z.string().trim().max(DESCRIPTION_MAX).default(""),
      competencies: z
        .array(
          z.object({
            name: z.string().trim().min(1).max(NAME_MAX),
            description: z.string().trim().max(DESCRIPTION_MAX).default(""),
            weight: z.number().positive(),
            scale: z.array(z.string().trim().min(1).max(SCALE_LABEL_MAX)).length(5),
          }),
        )
        .min(1),
    }),
  ),
});

/** The stored scale labels (JSON) as five strings; tolerant of older or hand-edited rows. */
export function readScaleLabels(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map((item) => String(item ?? "")) : [];
  return [0, 1, 2, 3, 4].map((index) => list[index] ?? "");
}
