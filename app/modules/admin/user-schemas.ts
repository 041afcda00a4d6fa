/**
 * Form schemas of the admin user pages. Pure, so the browser validates with the same rules (conform
 * onValidate) and the server re-validates. Messages are catalogue keys.
 */
import { z } from "zod";
import { newPasswordSchema } from "~/modules/identity/password-policy";
import { ROLES } from "~/modules/identity/permissions";
import {
  EMAIL_MAX,
  EXTERNAL_ID_MAX,
  EXTERNAL_ID_PATTERN,
  NAME_MAX,
  parseCalendarDate,
  USER_LOCALES,
  USER_STATUSES,
} from "./user-import";

const required = { error: "validation:required" };

export const externalIdField = z
  .string(required)
  .trim()
  .min(1, required)
  .max(EXTERNAL_ID_MAX, { error: "validation:tooLong" })
  .regex(EXTERNAL_ID_PATTERN, { error: "admin:users.errors.externalIdFormat" });

export const nameField = z.string(required).trim().min(1, required).max(NAME_MAX, { error: "validation:tooLong" });

export const optionalEmailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, { error: "validation:tooLong" })
  .pipe(z.email({ error: "validation:invalidEmail" }))
  .optional();

export const optionalDateField = z
  .string()
  .trim()
  .refine((value) => parseCalendarDate(value) !== null, { error: "validation:invalidDate" })
  .transform((value) => parseCalendarDate(value)!)
  .optional();

export const rolesField = z
  .array(z.enum(ROLES, { error: "validation:invalidChoice" }), { error: "admin:users.errors.rolesRequired" })
  .min(1, { error: "admin:users.errors.rolesRequired" });

const userFields = {
  externalId: externalIdField,
  name: nameField,
  email: optionalEmailField,
  teamId: z.string().trim().max(64).optional(),
  roles: rolesField,
  hireDate: optionalDateField,
  locale: z.enum(USER_LOCALES, { error: "validation:invalidChoice" }).default("zh-CN"),
};

export const CreateUserSchema = z.object({
  ...userFields,
  status: z.enum(USER_STATUSES, { error: "validation:invalidChoice" }).default("active"),
  password: newPasswordSchema.optional(),
});

export const UpdateUserSchema = z.object({ intent: z.literal("update"), ...userFields });

export const SetStatusSchema = z.object({
  intent: z.literal("setStatus"),
  status: z.enum(USER_STATUSES, { error: "validation:invalidChoice" }),
});

export const ResetPasswordSchema = z
  .object({
    intent: z.literal("resetPassword"),
    mode: z.enum(["generate", "manual"], { error: "validation:invalidChoice" }),
    password: newPasswordSchema.optional(),
  })
  .superRefine((value, context) => {
    if (value.mode === "manual" && !value.password) {
      context.addIssue({ code: "custom", path: ["password"], message: "validation:required" });
    }
  });

export const EditUserActionSchema = z.discriminatedUnion("intent", [
  UpdateUserSchema,
  SetStatusSchema,
  ResetPasswordSchema,
]);

export const USER_LIST_FILTER_ALL = "";

/** Search parameters of the users list; anything malformed falls back to "no filter". */
export const UserListFilterSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  teamId: z.string().trim().max(64).catch(""),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
});

export function readUserListFilter(url: URL) {
  const params = url.searchParams;
  return UserListFilterSchema.parse({
    q: params.get("q") ?? "",
    teamId: params.get("teamId") ?? "",
    role: params.get("role") || undefined,
    status: params.get("status") || undefined,
  });
}

export const TeamSchema = z.object({
  code: z
    .string(required)
    .trim()
    .min(1, required)
    .max(32, { error: "validation:tooLong" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: "admin:teams.errors.codeFormat" }),
  name: z.string(required).trim().min(1, required).max(50, { error: "validation:tooLong" }),
  description: z.string().trim().max(500, { error: "validation:tooLong" }).optional(),
  leadId: z.string().trim().max(64).optional(),
});
