-- CreateEnum
CREATE TYPE "KpiDirection" AS ENUM ('higher', 'lower');

-- CreateEnum
CREATE TYPE "KpiAttribution" AS ENUM ('last_agent', 'split');

-- CreateEnum
CREATE TYPE "KpiPeriodKind" AS ENUM ('month', 'quarter', 'year');

-- CreateEnum
CREATE TYPE "KpiSubjectKind" AS ENUM ('agent', 'team');

-- CreateEnum
CREATE TYPE "FeedbackRaterGroup" AS ENUM ('self', 'manager', 'peer', 'report', 'qa');

-- CreateEnum
CREATE TYPE "FeedbackCycleStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "FeedbackRequestStatus" AS ENUM ('pending', 'submitted', 'declined');

-- CreateEnum
CREATE TYPE "PeerSelection" AS ENUM ('lead', 'subject');

-- CreateEnum
CREATE TYPE "LevelTrack" AS ENUM ('professional', 'management');

-- CreateEnum
CREATE TYPE "LevelCriterionKind" AS ENUM ('tenure_months', 'certificate', 'qa_average', 'kpi', 'feedback_score', 'no_red_line');

-- CreateEnum
CREATE TYPE "LevelProposalKind" AS ENUM ('promotion', 'demotion');

-- CreateEnum
CREATE TYPE "LevelProposalStatus" AS ENUM ('pending', 'approved', 'rejected', 'superseded');

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "csatRequested" BOOLEAN,
ADD COLUMN     "firstResponderId" TEXT,
ADD COLUMN     "lastAgentId" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "waitStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "levelId" TEXT;

-- CreateTable
CREATE TABLE "KpiSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "attribution" "KpiAttribution" NOT NULL DEFAULT 'last_agent',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "KpiSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiDefinition" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "KpiDirection" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiDefinitionTeam" (
    "definitionId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "KpiDefinitionTeam_pkey" PRIMARY KEY ("definitionId","teamId")
);

-- CreateTable
CREATE TABLE "KpiTarget" (
    "id" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamBusinessHours" (
    "teamId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "workingDays" INTEGER[],
    "startMinute" INTEGER NOT NULL DEFAULT 540,
    "endMinute" INTEGER NOT NULL DEFAULT 1080,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamBusinessHours_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "KpiSnapshot" (
    "id" TEXT NOT NULL,
    "periodKind" "KpiPeriodKind" NOT NULL,
    "periodStart" DATE NOT NULL,
    "subjectKind" "KpiSubjectKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "sampleSize" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiComputation" (
    "id" TEXT NOT NULL,
    "periodKind" "KpiPeriodKind" NOT NULL,
    "periodStart" DATE NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "rows" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER,
    "trigger" TEXT NOT NULL DEFAULT 'schedule',

    CONSTRAINT "KpiComputation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackTemplate" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackCompetency" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" DECIMAL(6,2) NOT NULL,
    "scaleLabels" JSONB NOT NULL,

    CONSTRAINT "FeedbackCompetency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackCycle" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "FeedbackCycleStatus" NOT NULL DEFAULT 'draft',
    "minGroupResponses" INTEGER NOT NULL DEFAULT 3,
    "groupWeights" JSONB NOT NULL,
    "peerSelection" "PeerSelection" NOT NULL DEFAULT 'lead',
    "minPeers" INTEGER NOT NULL DEFAULT 3,
    "maxPeers" INTEGER NOT NULL DEFAULT 5,
    "allowComments" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackCycleCompetency" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" DECIMAL(6,2) NOT NULL,
    "scaleLabels" JSONB NOT NULL,

    CONSTRAINT "FeedbackCycleCompetency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackSubject" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "overallScore" DOUBLE PRECISION,
    "acknowledgedAt" TIMESTAMP(3),
    "responseText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackRequest" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "group" "FeedbackRaterGroup" NOT NULL,
    "status" "FeedbackRequestStatus" NOT NULL DEFAULT 'pending',
    "comment" TEXT,
    "draft" JSONB,
    "submittedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackRating" (
    "requestId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "FeedbackRating_pkey" PRIMARY KEY ("requestId","competencyId")
);

-- CreateTable
CREATE TABLE "SkillLevel" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "track" "LevelTrack" NOT NULL,
    "rank" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "payBand" TEXT NOT NULL,
    "duties" TEXT NOT NULL DEFAULT '',
    "demoteBelow" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SkillLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LevelCriterion" (
    "id" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "LevelCriterionKind" NOT NULL,
    "threshold" DECIMAL(14,4),
    "months" INTEGER,
    "kpiKey" TEXT,
    "examSlug" TEXT,

    CONSTRAINT "LevelCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LevelProposal" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "LevelProposalKind" NOT NULL,
    "fromLevelId" TEXT,
    "toLevelId" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "evidence" JSONB NOT NULL,
    "status" "LevelProposalStatus" NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LevelProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LevelHistory" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fromLevelId" TEXT,
    "toLevelId" TEXT NOT NULL,
    "proposalId" TEXT,
    "changedById" TEXT,
    "reason" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LevelHistory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KpiDefinition_key_key" ON "KpiDefinition"("key");

-- CreateIndex
CREATE INDEX "KpiDefinition_active_position_idx" ON "KpiDefinition"("active", "position");

-- CreateIndex
CREATE INDEX "KpiDefinitionTeam_teamId_idx" ON "KpiDefinitionTeam"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "KpiTarget_definitionId_scope_key" ON "KpiTarget"("definitionId", "scope");

-- CreateIndex
CREATE INDEX "KpiSnapshot_subjectKind_subjectId_metric_periodKind_periodS_idx" ON "KpiSnapshot"("subjectKind", "subjectId", "metric", "periodKind", "periodStart");

-- CreateIndex
CREATE INDEX "KpiSnapshot_periodKind_periodStart_metric_idx" ON "KpiSnapshot"("periodKind", "periodStart", "metric");

-- CreateIndex
CREATE UNIQUE INDEX "KpiSnapshot_periodKind_periodStart_subjectKind_subjectId_me_key" ON "KpiSnapshot"("periodKind", "periodStart", "subjectKind", "subjectId", "metric");

-- CreateIndex
CREATE INDEX "KpiComputation_periodKind_periodStart_startedAt_idx" ON "KpiComputation"("periodKind", "periodStart", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackTemplate_key_key" ON "FeedbackTemplate"("key");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackCompetency_templateId_position_key" ON "FeedbackCompetency"("templateId", "position");

-- CreateIndex
CREATE INDEX "FeedbackCycle_status_dueAt_idx" ON "FeedbackCycle"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackCycleCompetency_cycleId_position_key" ON "FeedbackCycleCompetency"("cycleId", "position");

-- CreateIndex
CREATE INDEX "FeedbackSubject_userId_idx" ON "FeedbackSubject"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackSubject_cycleId_userId_key" ON "FeedbackSubject"("cycleId", "userId");

-- CreateIndex
CREATE INDEX "FeedbackRequest_raterId_status_idx" ON "FeedbackRequest"("raterId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackRequest_subjectId_raterId_group_key" ON "FeedbackRequest"("subjectId", "raterId", "group");

-- CreateIndex
CREATE INDEX "FeedbackRating_competencyId_idx" ON "FeedbackRating"("competencyId");

-- CreateIndex
CREATE UNIQUE INDEX "SkillLevel_code_key" ON "SkillLevel"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SkillLevel_track_rank_key" ON "SkillLevel"("track", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "LevelCriterion_levelId_position_key" ON "LevelCriterion"("levelId", "position");

-- CreateIndex
CREATE INDEX "LevelProposal_status_createdAt_idx" ON "LevelProposal"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LevelProposal_userId_period_toLevelId_key" ON "LevelProposal"("userId", "period", "toLevelId");

-- CreateIndex
CREATE INDEX "LevelHistory_userId_changedAt_idx" ON "LevelHistory"("userId", "changedAt");

-- CreateIndex
CREATE INDEX "Conversation_lastAgentId_startedAt_idx" ON "Conversation"("lastAgentId", "startedAt");

-- CreateIndex
CREATE INDEX "Conversation_firstResponderId_startedAt_idx" ON "Conversation"("firstResponderId", "startedAt");

-- CreateIndex
CREATE INDEX "Message_agentId_sentAt_idx" ON "Message"("agentId", "sentAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "SkillLevel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiDefinitionTeam" ADD CONSTRAINT "KpiDefinitionTeam_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "KpiDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiDefinitionTeam" ADD CONSTRAINT "KpiDefinitionTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiTarget" ADD CONSTRAINT "KpiTarget_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "KpiDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamBusinessHours" ADD CONSTRAINT "TeamBusinessHours_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackCompetency" ADD CONSTRAINT "FeedbackCompetency_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "FeedbackTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackCycle" ADD CONSTRAINT "FeedbackCycle_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "FeedbackTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackCycle" ADD CONSTRAINT "FeedbackCycle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackCycleCompetency" ADD CONSTRAINT "FeedbackCycleCompetency_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "FeedbackCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackSubject" ADD CONSTRAINT "FeedbackSubject_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "FeedbackCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackSubject" ADD CONSTRAINT "FeedbackSubject_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "FeedbackSubject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRating" ADD CONSTRAINT "FeedbackRating_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FeedbackRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRating" ADD CONSTRAINT "FeedbackRating_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "FeedbackCycleCompetency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LevelCriterion" ADD CONSTRAINT "LevelCriterion_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "SkillLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LevelProposal" ADD CONSTRAINT "LevelProposal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LevelProposal" ADD CONSTRAINT "LevelProposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LevelHistory" ADD CONSTRAINT "LevelHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: when each agent reply's customer wait began (bot and system messages neither start nor end a wait).
WITH ordered AS (
    SELECT "id", "conversationId", "sender", "sentAt",
           count(*) FILTER (WHERE "sender" = 'agent') OVER (PARTITION BY "conversationId" ORDER BY "seq") AS agent_no
    FROM "Message"
), waits AS (
    SELECT "conversationId", agent_no, min("sentAt") AS wait_start
    FROM ordered WHERE "sender" = 'customer' GROUP BY "conversationId", agent_no
)
UPDATE "Message" AS m SET "waitStartedAt" = w.wait_start
FROM ordered o JOIN waits w ON w."conversationId" = o."conversationId" AND w.agent_no = o.agent_no - 1
WHERE o."sender" = 'agent' AND m."id" = o."id";

-- Backfill: the first responder (first agent reply that ended a wait) and the last agent of every conversation.
UPDATE "Conversation" AS c SET "firstResponderId" = f."agentId"
FROM (
    SELECT DISTINCT ON ("conversationId") "conversationId", "agentId"
    FROM "Message" WHERE "sender" = 'agent' AND "waitStartedAt" IS NOT NULL AND "agentId" IS NOT NULL
    ORDER BY "conversationId", "seq"
) f
WHERE c."id" = f."conversationId";

UPDATE "Conversation" AS c SET "lastAgentId" = l."agentId"
FROM (
    SELECT DISTINCT ON ("conversationId") "conversationId", "agentId"
    FROM "Message" WHERE "sender" = 'agent' AND "agentId" IS NOT NULL
    ORDER BY "conversationId", "seq" DESC
) l
WHERE c."id" = l."conversationId";

UPDATE "Conversation" SET "lastAgentId" = "primaryAgentId" WHERE "lastAgentId" IS NULL;
