import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.string().url().optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: optionalUrl.optional(),
  /** PostgreSQL connections per process (exam rushes: hundreds of learners saving at once). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DATA_DIR: z.string().default("./data/pglite"),
  REDIS_URL: optionalUrl.optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().positive().default(14),
  SECURE_COOKIES: z
    .enum(["true", "false", "auto"])
    .default("auto")
    .transform((value) => value),
  APP_TIME_ZONE: z.string().default("Asia/Shanghai"),
  DEFAULT_LOCALE: z.enum(["zh-CN", "en"]).default("zh-CN"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  JOBS_INLINE_SCHEDULER: z.enum(["true", "false"]).default("true"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Validated environment. Parsed once; a bad value stops start-up with a readable message. */
export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment:\n${problems.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Forget the parsed environment (tests change process.env between cases). */
export function resetEnvCache() {
  cached = undefined;
}
