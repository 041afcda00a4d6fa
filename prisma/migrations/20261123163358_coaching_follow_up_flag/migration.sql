-- AlterTable
ALTER TABLE "CoachingTask" ADD COLUMN     "followUpRequired" BOOLEAN NOT NULL DEFAULT false;

-- Tasks created before the flag kept "follow-up wanted" as outcome = 'pending'.
UPDATE "CoachingTask" SET "followUpRequired" = true, "outcome" = NULL WHERE "outcome" = 'pending';
