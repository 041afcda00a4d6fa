import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Messages are catalogue keys (namespace "validation"). */
export const newPasswordSchema = z
  .string({ error: "validation:required" })
  .min(PASSWORD_MIN_LENGTH, { error: "validation:passwordTooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "validation:passwordTooLong" })
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), { error: "validation:passwordLettersDigits" });
