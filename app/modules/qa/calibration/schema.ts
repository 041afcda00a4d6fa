/**
 * The new-calibration-session form, shared by the browser (conform onValidate) and the server. Pure.
 * Messages are catalogue keys. Checks that need the database (rubric active, conversations exist, benchmark is a
 * QA lead) live in calibration.server.ts.
 */
import { z } from "zod";

export const TITLE_MAX = 120;
export const MAX_CONVERSATIONS = 20;
export const MIN_PARTICIPANTS = 2;
export const MAX_PARTICIPANTS = 30;

const required = { error: "validation:required" };

/** External conversation ids typed into the textarea: one per line, or separated by commas, spaces or 、. */
export function splitExternalIds(text: string | undefined | null): string[] {
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function offsetMs(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * A `datetime-local` value ("2026-11-20T18:00") read as wall-clock time in the organisation's time zone, so a
 * deadline means the same moment whatever the browser's zone. Null when malformed.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const guess = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(guess);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59) return null;
  const first = guess - offsetMs(new Date(guess), timeZone);
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** The reverse, for pre-filling the input: the instant as wall-clock "YYYY-MM-DDTHH:mm" in the time zone. */
export function toLocalDateTimeInput(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(instant, timeZone));
  return local.toISOString().slice(0, 16);
}

export function calibrationSessionSchema(options: { timeZone: string; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  return z
    .object({
      title: z.string(required).trim().min(1, required).max(TITLE_MAX, { error: "validation:tooLong" }),
      rubricId: z.string(required).trim().min(1, required),
      conversationId: z.array(z.string().trim().min(1)).default([]),
      externalIds: z.string().optional(),
      participantId: z
        .array(z.string().trim().min(1))
        .default([])
        .pipe(
          z
            .array(z.string())
            .min(MIN_PARTICIPANTS, { error: "qa-calibration:errors.participantsMin" })
            .max(MAX_PARTICIPANTS, { error: "qa-calibration:errors.participantsMax" }),
        ),
      benchmarkId: z.string(required).trim().min(1, required),
      deadline: z.string(required).trim().min(1, required),
    })
    .superRefine((value, context) => {
      const conversations = new Set([...value.conversationId, ...splitExternalIds(value.externalIds)]);
      if (conversations.size === 0) {
        context.addIssue({
          code: "custom",
          path: ["externalIds"],
          message: "qa-calibration:errors.conversationsRequired",
        });
      } else if (conversations.size > MAX_CONVERSATIONS) {
        context.addIssue({ code: "custom", path: ["externalIds"], message: "qa-calibration:errors.conversationsMax" });
      }
      if (!value.participantId.includes(value.benchmarkId)) {
        context.addIssue({
          code: "custom",
          path: ["benchmarkId"],
          message: "qa-calibration:errors.benchmarkNotParticipant",
        });
      }
      const deadline = parseLocalDateTime(value.deadline, options.timeZone);
      if (!deadline) {
        context.addIssue({ code: "custom", path: ["deadline"], message: "qa-calibration:errors.deadlineInvalid" });
      } else if (deadline.getTime() <= now().getTime()) {
        context.addIssue({ code: "custom", path: ["deadline"], message: "qa-calibration:errors.deadlinePast" });
      }
    });
}

export type CalibrationSessionInput = z.output<ReturnType<typeof calibrationSessionSchema>>;
