-- CreateEnum
CREATE TYPE "ScenarioVersionStatus" AS ENUM ('draft', 'published', 'superseded');

-- CreateEnum
CREATE TYPE "RolePlayMode" AS ENUM ('practice', 'exam', 'test');

-- CreateEnum
CREATE TYPE "RolePlaySessionStatus" AS ENUM ('in_progress', 'pending_review', 'completed', 'abandoned');

-- CreateEnum
CREATE TYPE "RolePlaySpeaker" AS ENUM ('customer', 'agent', 'system');

-- CreateEnum
CREATE TYPE "RolePlayReviewStatus" AS ENUM ('pending', 'draft', 'submitted');

-- CreateEnum
CREATE TYPE "AwardSubjectKind" AS ENUM ('individual', 'team');

-- CreateEnum
CREATE TYPE "AwardProgramKind" AS ENUM ('composite', 'improvement');

-- CreateEnum
CREATE TYPE "AwardNormalisation" AS ENUM ('percentile', 'zscore');

-- CreateEnum
CREATE TYPE "AwardCycleStatus" AS ENUM ('open', 'computed', 'under_review', 'approved', 'published', 'closed');

-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('award_bonus', 'bonus', 'public_criticism', 'performance_deduction', 'correction');

-- CreateEnum
CREATE TYPE "LedgerEntryStatus" AS ENUM ('proposed', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "LedgerAppealStatus" AS ENUM ('open', 'accepted', 'rejected', 'withdrawn');

-- AlterEnum
ALTER TYPE "ExamItemKind" ADD VALUE 'scenario';

-- AlterTable
ALTER TABLE "CoachingTask" ADD COLUMN     "scenarioId" TEXT;

-- AlterTable
ALTER TABLE "ExamItem" ADD COLUMN     "passPercent" DECIMAL(5,2),
ADD COLUMN     "scenarioId" TEXT;

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "ContentStatus" NOT NULL DEFAULT 'draft',
    "source" "ContentSource" NOT NULL DEFAULT 'app',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "difficulty" "Difficulty" NOT NULL DEFAULT 'medium',
    "tags" TEXT[],
    "publishedVersionId" TEXT,
    "createdById" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioVersion" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ScenarioVersionStatus" NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "script" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "rubricVersionId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScenarioVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolePlaySession" (
    "id" TEXT NOT NULL,
    "scenarioVersionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "mode" "RolePlayMode" NOT NULL,
    "status" "RolePlaySessionStatus" NOT NULL DEFAULT 'in_progress',
    "engine" TEXT NOT NULL DEFAULT 'scripted',
    "state" JSONB NOT NULL,
    "awaitingSince" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "autoScore" DOUBLE PRECISION,
    "autoReport" JSONB,
    "humanScore" DOUBLE PRECISION,
    "finalScore" DOUBLE PRECISION,
    "passed" BOOLEAN,
    "examAttemptItemId" TEXT,
    "coachingTaskId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RolePlaySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolePlayTurn" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "speaker" "RolePlaySpeaker" NOT NULL,
    "nodeId" TEXT,
    "text" TEXT NOT NULL,
    "shownAt" TIMESTAMP(3) NOT NULL,
    "responseSeconds" DOUBLE PRECISION,
    "overTime" BOOLEAN NOT NULL DEFAULT false,
    "intents" TEXT[],
    "steps" TEXT[],
    "redLines" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RolePlayTurn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolePlayReview" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "status" "RolePlayReviewStatus" NOT NULL DEFAULT 'pending',
    "reviewerId" TEXT,
    "ratings" JSONB,
    "comments" JSONB,
    "summary" TEXT,
    "score" DOUBLE PRECISION,
    "criticalFailed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "RolePlayReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardProgram" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "subjectKind" "AwardSubjectKind" NOT NULL DEFAULT 'individual',
    "kind" "AwardProgramKind" NOT NULL DEFAULT 'composite',
    "cadence" "KpiPeriodKind" NOT NULL DEFAULT 'month',
    "normalisation" "AwardNormalisation" NOT NULL DEFAULT 'percentile',
    "zClip" DOUBLE PRECISION NOT NULL DEFAULT 3,
    "priorStrength" DOUBLE PRECISION NOT NULL DEFAULT 20,
    "minConversations" INTEGER NOT NULL DEFAULT 0,
    "minQaReviews" INTEGER NOT NULL DEFAULT 0,
    "excludeRedLine" BOOLEAN NOT NULL DEFAULT true,
    "minTenureMonths" INTEGER NOT NULL DEFAULT 0,
    "cooldownPeriods" INTEGER,
    "winnerCount" INTEGER NOT NULL DEFAULT 1,
    "winnersPerTeam" BOOLEAN NOT NULL DEFAULT false,
    "tieBreakers" TEXT[],
    "bonusAmount" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "certificateText" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AwardProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardProgramMetric" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "kpiKey" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AwardProgramMetric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardCycle" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "periodKind" "KpiPeriodKind" NOT NULL,
    "periodStart" DATE NOT NULL,
    "status" "AwardCycleStatus" NOT NULL DEFAULT 'open',
    "settings" JSONB,
    "inputsHash" TEXT,
    "computedAt" TIMESTAMP(3),
    "computedById" TEXT,
    "reviewStartedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AwardCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardCandidate" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "subjectKind" "AwardSubjectKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "userId" TEXT,
    "teamId" TEXT,
    "eligible" BOOLEAN NOT NULL,
    "ineligibleReasons" JSONB NOT NULL DEFAULT '[]',
    "inputs" JSONB NOT NULL,
    "composite" DOUBLE PRECISION,
    "rank" INTEGER,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "excludedReason" TEXT,
    "excludedById" TEXT,
    "nominated" BOOLEAN NOT NULL DEFAULT false,
    "nominationReason" TEXT,
    "nominatedById" TEXT,
    "winner" BOOLEAN NOT NULL DEFAULT false,
    "citation" TEXT,
    "certificateSerial" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AwardCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardStory" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AwardStory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncentiveSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "leaderboardProgramKey" TEXT,
    "agentTopN" INTEGER NOT NULL DEFAULT 10,
    "fullBoardVisible" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncentiveSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaderboardEntry" (
    "id" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "scope" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" TEXT,
    "eligible" BOOLEAN NOT NULL,
    "rank" INTEGER,
    "percentile" DOUBLE PRECISION,
    "composite" DOUBLE PRECISION,
    "inputs" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaderboardEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "periodStart" DATE NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "points" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "status" "LedgerEntryStatus" NOT NULL DEFAULT 'proposed',
    "proposedById" TEXT,
    "approvedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "awardCandidateId" TEXT,
    "correctsId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerAppeal" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "LedgerAppealStatus" NOT NULL DEFAULT 'open',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "handlerId" TEXT,
    "response" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "correctionEntryId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Scenario_slug_key" ON "Scenario"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Scenario_publishedVersionId_key" ON "Scenario"("publishedVersionId");

-- CreateIndex
CREATE INDEX "Scenario_status_idx" ON "Scenario"("status");

-- CreateIndex
CREATE INDEX "ScenarioVersion_scenarioId_status_idx" ON "ScenarioVersion"("scenarioId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioVersion_scenarioId_version_key" ON "ScenarioVersion"("scenarioId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "RolePlaySession_examAttemptItemId_key" ON "RolePlaySession"("examAttemptItemId");

-- CreateIndex
CREATE INDEX "RolePlaySession_userId_mode_status_idx" ON "RolePlaySession"("userId", "mode", "status");

-- CreateIndex
CREATE INDEX "RolePlaySession_scenarioVersionId_status_idx" ON "RolePlaySession"("scenarioVersionId", "status");

-- CreateIndex
CREATE INDEX "RolePlaySession_status_endedAt_idx" ON "RolePlaySession"("status", "endedAt");

-- CreateIndex
CREATE INDEX "RolePlaySession_coachingTaskId_idx" ON "RolePlaySession"("coachingTaskId");

-- CreateIndex
CREATE UNIQUE INDEX "RolePlayTurn_sessionId_position_key" ON "RolePlayTurn"("sessionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RolePlayReview_sessionId_key" ON "RolePlayReview"("sessionId");

-- CreateIndex
CREATE INDEX "RolePlayReview_status_createdAt_idx" ON "RolePlayReview"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RolePlayReview_reviewerId_status_idx" ON "RolePlayReview"("reviewerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AwardProgram_key_key" ON "AwardProgram"("key");

-- CreateIndex
CREATE INDEX "AwardProgram_active_idx" ON "AwardProgram"("active");

-- CreateIndex
CREATE UNIQUE INDEX "AwardProgramMetric_programId_kpiKey_key" ON "AwardProgramMetric"("programId", "kpiKey");

-- CreateIndex
CREATE INDEX "AwardCycle_status_periodStart_idx" ON "AwardCycle"("status", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "AwardCycle_programId_periodKind_periodStart_key" ON "AwardCycle"("programId", "periodKind", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "AwardCandidate_certificateSerial_key" ON "AwardCandidate"("certificateSerial");

-- CreateIndex
CREATE INDEX "AwardCandidate_cycleId_rank_idx" ON "AwardCandidate"("cycleId", "rank");

-- CreateIndex
CREATE INDEX "AwardCandidate_userId_winner_idx" ON "AwardCandidate"("userId", "winner");

-- CreateIndex
CREATE INDEX "AwardCandidate_teamId_winner_idx" ON "AwardCandidate"("teamId", "winner");

-- CreateIndex
CREATE UNIQUE INDEX "AwardCandidate_cycleId_subjectId_key" ON "AwardCandidate"("cycleId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "AwardStory_candidateId_key" ON "AwardStory"("candidateId");

-- CreateIndex
CREATE INDEX "LeaderboardEntry_periodStart_scope_rank_idx" ON "LeaderboardEntry"("periodStart", "scope", "rank");

-- CreateIndex
CREATE INDEX "LeaderboardEntry_userId_periodStart_idx" ON "LeaderboardEntry"("userId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "LeaderboardEntry_periodStart_scope_userId_key" ON "LeaderboardEntry"("periodStart", "scope", "userId");

-- CreateIndex
CREATE INDEX "LedgerEntry_userId_periodStart_idx" ON "LedgerEntry"("userId", "periodStart");

-- CreateIndex
CREATE INDEX "LedgerEntry_periodStart_status_idx" ON "LedgerEntry"("periodStart", "status");

-- CreateIndex
CREATE INDEX "LedgerEntry_status_createdAt_idx" ON "LedgerEntry"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_awardCandidateId_key" ON "LedgerEntry"("awardCandidateId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAppeal_correctionEntryId_key" ON "LedgerAppeal"("correctionEntryId");

-- CreateIndex
CREATE INDEX "LedgerAppeal_entryId_idx" ON "LedgerAppeal"("entryId");

-- CreateIndex
CREATE INDEX "LedgerAppeal_agentId_createdAt_idx" ON "LedgerAppeal"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerAppeal_status_dueAt_idx" ON "LedgerAppeal"("status", "dueAt");

-- CreateIndex
CREATE INDEX "ExamItem_scenarioId_idx" ON "ExamItem"("scenarioId");

-- AddForeignKey
ALTER TABLE "CoachingTask" ADD CONSTRAINT "CoachingTask_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamItem" ADD CONSTRAINT "ExamItem_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_publishedVersionId_fkey" FOREIGN KEY ("publishedVersionId") REFERENCES "ScenarioVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioVersion" ADD CONSTRAINT "ScenarioVersion_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioVersion" ADD CONSTRAINT "ScenarioVersion_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlaySession" ADD CONSTRAINT "RolePlaySession_scenarioVersionId_fkey" FOREIGN KEY ("scenarioVersionId") REFERENCES "ScenarioVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlaySession" ADD CONSTRAINT "RolePlaySession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlaySession" ADD CONSTRAINT "RolePlaySession_examAttemptItemId_fkey" FOREIGN KEY ("examAttemptItemId") REFERENCES "ExamAttemptItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlaySession" ADD CONSTRAINT "RolePlaySession_coachingTaskId_fkey" FOREIGN KEY ("coachingTaskId") REFERENCES "CoachingTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlayTurn" ADD CONSTRAINT "RolePlayTurn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RolePlaySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlayReview" ADD CONSTRAINT "RolePlayReview_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RolePlaySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlayReview" ADD CONSTRAINT "RolePlayReview_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlayReview" ADD CONSTRAINT "RolePlayReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardProgramMetric" ADD CONSTRAINT "AwardProgramMetric_programId_fkey" FOREIGN KEY ("programId") REFERENCES "AwardProgram"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardCycle" ADD CONSTRAINT "AwardCycle_programId_fkey" FOREIGN KEY ("programId") REFERENCES "AwardProgram"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardCandidate" ADD CONSTRAINT "AwardCandidate_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "AwardCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardCandidate" ADD CONSTRAINT "AwardCandidate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardCandidate" ADD CONSTRAINT "AwardCandidate_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardStory" ADD CONSTRAINT "AwardStory_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "AwardCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderboardEntry" ADD CONSTRAINT "LeaderboardEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "LedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAppeal" ADD CONSTRAINT "LedgerAppeal_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAppeal" ADD CONSTRAINT "LedgerAppeal_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
