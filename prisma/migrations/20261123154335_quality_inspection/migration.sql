-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('chat', 'phone', 'email', 'social');

-- CreateEnum
CREATE TYPE "MessageSender" AS ENUM ('customer', 'agent', 'bot', 'system');

-- CreateEnum
CREATE TYPE "ImportSource" AS ENUM ('upload', 'cli', 'api');

-- CreateEnum
CREATE TYPE "ImportFormat" AS ENUM ('jsonl', 'csv');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "RubricStatus" AS ENUM ('draft', 'active', 'archived');

-- CreateEnum
CREATE TYPE "ScaleType" AS ENUM ('binary', 'three', 'four', 'five', 'points');

-- CreateEnum
CREATE TYPE "SamplingStrategy" AS ENUM ('random_percent', 'fixed_per_agent', 'stratified_equal', 'stratified_proportional', 'targeted');

-- CreateEnum
CREATE TYPE "SamplingRunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('regular', 'calibration');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('assigned', 'draft', 'submitted', 'cancelled');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('open', 'escalated', 'accepted', 'partly_accepted', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "CalibrationStatus" AS ENUM ('open', 'released');

-- CreateEnum
CREATE TYPE "CoachingStatus" AS ENUM ('open', 'completed', 'closed', 'cancelled');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'qa_lead';

-- CreateTable
CREATE TABLE "QaSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "maskPersonalData" BOOLEAN NOT NULL DEFAULT true,
    "disputeWindowDays" INTEGER NOT NULL DEFAULT 7,
    "disputeSlaDays" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "QaSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "customerRef" TEXT NOT NULL,
    "csat" INTEGER,
    "resolved" BOOLEAN,
    "complaint" BOOLEAN NOT NULL DEFAULT false,
    "converted" BOOLEAN,
    "orderValue" DECIMAL(12,2),
    "tags" TEXT[],
    "extra" JSONB,
    "messageCount" INTEGER NOT NULL,
    "handlingSeconds" INTEGER,
    "firstResponseSeconds" INTEGER,
    "longestWaitSeconds" INTEGER,
    "primaryAgentId" TEXT,
    "teamId" TEXT,
    "contentHash" TEXT NOT NULL,
    "importBatchId" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationAgent" (
    "conversationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ConversationAgent_pkey" PRIMARY KEY ("conversationId","userId")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" BIGSERIAL NOT NULL,
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "sender" "MessageSender" NOT NULL,
    "agentId" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "source" "ImportSource" NOT NULL,
    "format" "ImportFormat" NOT NULL,
    "fileName" TEXT,
    "storedPath" TEXT,
    "bytesTotal" BIGINT NOT NULL DEFAULT 0,
    "bytesRead" BIGINT NOT NULL DEFAULT 0,
    "status" "ImportStatus" NOT NULL DEFAULT 'queued',
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "apiTokenId" TEXT,
    "jobRunId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRejection" (
    "id" BIGSERIAL NOT NULL,
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "externalId" TEXT,
    "reason" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "ImportRejection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rubric" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "RubricStatus" NOT NULL DEFAULT 'draft',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rubric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricVersion" (
    "id" TEXT NOT NULL,
    "rubricId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "passMark" DOUBLE PRECISION NOT NULL DEFAULT 80,
    "channels" "Channel"[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RubricVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricSection" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "RubricSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricCriterion" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "guidance" TEXT,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "scale" "ScaleType" NOT NULL,
    "maxPoints" INTEGER,
    "allowNa" BOOLEAN NOT NULL DEFAULT false,
    "critical" BOOLEAN NOT NULL DEFAULT false,
    "bonus" BOOLEAN NOT NULL DEFAULT false,
    "competency" TEXT,

    CONSTRAINT "RubricCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamplingPlan" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "rubricId" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "strategy" "SamplingStrategy" NOT NULL,
    "strategyParams" JSONB NOT NULL,
    "cron" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "perInspectorCap" INTEGER NOT NULL DEFAULT 50,
    "dueInDays" INTEGER NOT NULL DEFAULT 3,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "SamplingPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamplingPlanInspector" (
    "planId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "SamplingPlanInspector_pkey" PRIMARY KEY ("planId","userId")
);

-- CreateTable
CREATE TABLE "SamplingRun" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "SamplingRunStatus" NOT NULL DEFAULT 'queued',
    "candidateCount" INTEGER NOT NULL DEFAULT 0,
    "sampledCount" INTEGER NOT NULL DEFAULT 0,
    "assignedCount" INTEGER NOT NULL DEFAULT 0,
    "unassignedCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "jobRunId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SamplingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "kind" "ReviewKind" NOT NULL DEFAULT 'regular',
    "conversationId" TEXT NOT NULL,
    "agentId" TEXT,
    "inspectorId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "samplingRunId" TEXT,
    "calibrationSessionId" TEXT,
    "status" "ReviewStatus" NOT NULL DEFAULT 'assigned',
    "dueAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "gradingSeconds" INTEGER,
    "score" DOUBLE PRECISION,
    "passed" BOOLEAN,
    "criticalFailed" BOOLEAN NOT NULL DEFAULT false,
    "summary" TEXT,
    "draft" JSONB,
    "acknowledgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "reviewId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "score" DOUBLE PRECISION,
    "failed" BOOLEAN NOT NULL DEFAULT false,
    "comment" TEXT,

    CONSTRAINT "ReviewScore_pkey" PRIMARY KEY ("reviewId","criterionId")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "messageId" BIGINT,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'open',
    "handlerId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "firstOutcome" "DisputeStatus",
    "firstResponse" TEXT,
    "firstDecidedAt" TIMESTAMP(3),
    "escalationReason" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "response" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "scoreBefore" DOUBLE PRECISION NOT NULL,
    "scoreAfter" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisputeItem" (
    "id" TEXT NOT NULL,
    "disputeId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "proposedValue" DOUBLE PRECISION,
    "accepted" BOOLEAN,
    "decidedValue" DOUBLE PRECISION,

    CONSTRAINT "DisputeItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationSession" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "benchmarkUserId" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" "CalibrationStatus" NOT NULL DEFAULT 'open',
    "releasedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalibrationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationConversation" (
    "sessionId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CalibrationConversation_pkey" PRIMARY KEY ("sessionId","conversationId")
);

-- CreateTable
CREATE TABLE "CalibrationParticipant" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "CalibrationParticipant_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "CoachingTask" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "createdById" TEXT,
    "sourceReviewId" TEXT,
    "criterionKeys" TEXT[],
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "resourceTitle" TEXT,
    "resourceUrl" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "CoachingStatus" NOT NULL DEFAULT 'open',
    "agentNote" TEXT,
    "completedAt" TIMESTAMP(3),
    "followUpReviewId" TEXT,
    "outcome" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoachingTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_externalId_key" ON "Conversation"("externalId");

-- CreateIndex
CREATE INDEX "Conversation_startedAt_idx" ON "Conversation"("startedAt");

-- CreateIndex
CREATE INDEX "Conversation_primaryAgentId_startedAt_idx" ON "Conversation"("primaryAgentId", "startedAt");

-- CreateIndex
CREATE INDEX "Conversation_teamId_startedAt_idx" ON "Conversation"("teamId", "startedAt");

-- CreateIndex
CREATE INDEX "Conversation_channel_startedAt_idx" ON "Conversation"("channel", "startedAt");

-- CreateIndex
CREATE INDEX "ConversationAgent_userId_idx" ON "ConversationAgent"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Message_conversationId_seq_key" ON "Message"("conversationId", "seq");

-- CreateIndex
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt");

-- CreateIndex
CREATE INDEX "ImportRejection_batchId_line_idx" ON "ImportRejection"("batchId", "line");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Rubric_slug_key" ON "Rubric"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "RubricVersion_rubricId_version_key" ON "RubricVersion"("rubricId", "version");

-- CreateIndex
CREATE INDEX "RubricSection_versionId_position_idx" ON "RubricSection"("versionId", "position");

-- CreateIndex
CREATE INDEX "RubricCriterion_sectionId_position_idx" ON "RubricCriterion"("sectionId", "position");

-- CreateIndex
CREATE INDEX "RubricCriterion_key_idx" ON "RubricCriterion"("key");

-- CreateIndex
CREATE UNIQUE INDEX "RubricCriterion_versionId_key_key" ON "RubricCriterion"("versionId", "key");

-- CreateIndex
CREATE INDEX "SamplingRun_planId_createdAt_idx" ON "SamplingRun"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_inspectorId_status_dueAt_idx" ON "Review"("inspectorId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Review_agentId_submittedAt_idx" ON "Review"("agentId", "submittedAt");

-- CreateIndex
CREATE INDEX "Review_conversationId_idx" ON "Review"("conversationId");

-- CreateIndex
CREATE INDEX "Review_kind_status_submittedAt_idx" ON "Review"("kind", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Review_samplingRunId_idx" ON "Review"("samplingRunId");

-- CreateIndex
CREATE INDEX "Review_calibrationSessionId_idx" ON "Review"("calibrationSessionId");

-- CreateIndex
CREATE INDEX "ReviewScore_criterionId_idx" ON "ReviewScore"("criterionId");

-- CreateIndex
CREATE INDEX "ReviewComment_reviewId_idx" ON "ReviewComment"("reviewId");

-- CreateIndex
CREATE INDEX "Dispute_reviewId_idx" ON "Dispute"("reviewId");

-- CreateIndex
CREATE INDEX "Dispute_agentId_createdAt_idx" ON "Dispute"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "Dispute_handlerId_status_idx" ON "Dispute"("handlerId", "status");

-- CreateIndex
CREATE INDEX "Dispute_status_createdAt_idx" ON "Dispute"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DisputeItem_criterionId_idx" ON "DisputeItem"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "DisputeItem_disputeId_criterionId_key" ON "DisputeItem"("disputeId", "criterionId");

-- CreateIndex
CREATE INDEX "CalibrationSession_status_deadline_idx" ON "CalibrationSession"("status", "deadline");

-- CreateIndex
CREATE INDEX "CalibrationParticipant_userId_idx" ON "CalibrationParticipant"("userId");

-- CreateIndex
CREATE INDEX "CoachingTask_agentId_status_idx" ON "CoachingTask"("agentId", "status");

-- CreateIndex
CREATE INDEX "CoachingTask_status_dueAt_idx" ON "CoachingTask"("status", "dueAt");

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_primaryAgentId_fkey" FOREIGN KEY ("primaryAgentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationAgent" ADD CONSTRAINT "ConversationAgent_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationAgent" ADD CONSTRAINT "ConversationAgent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRejection" ADD CONSTRAINT "ImportRejection_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricVersion" ADD CONSTRAINT "RubricVersion_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "Rubric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricSection" ADD CONSTRAINT "RubricSection_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RubricVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricCriterion" ADD CONSTRAINT "RubricCriterion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RubricVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricCriterion" ADD CONSTRAINT "RubricCriterion_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "RubricSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplingPlan" ADD CONSTRAINT "SamplingPlan_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "Rubric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplingPlanInspector" ADD CONSTRAINT "SamplingPlanInspector_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SamplingPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplingPlanInspector" ADD CONSTRAINT "SamplingPlanInspector_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamplingRun" ADD CONSTRAINT "SamplingRun_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SamplingPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_samplingRunId_fkey" FOREIGN KEY ("samplingRunId") REFERENCES "SamplingRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_calibrationSessionId_fkey" FOREIGN KEY ("calibrationSessionId") REFERENCES "CalibrationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "RubricCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeItem" ADD CONSTRAINT "DisputeItem_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeItem" ADD CONSTRAINT "DisputeItem_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "RubricCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationSession" ADD CONSTRAINT "CalibrationSession_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationSession" ADD CONSTRAINT "CalibrationSession_benchmarkUserId_fkey" FOREIGN KEY ("benchmarkUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationConversation" ADD CONSTRAINT "CalibrationConversation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationParticipant" ADD CONSTRAINT "CalibrationParticipant_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationParticipant" ADD CONSTRAINT "CalibrationParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingTask" ADD CONSTRAINT "CoachingTask_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingTask" ADD CONSTRAINT "CoachingTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingTask" ADD CONSTRAINT "CoachingTask_sourceReviewId_fkey" FOREIGN KEY ("sourceReviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingTask" ADD CONSTRAINT "CoachingTask_followUpReviewId_fkey" FOREIGN KEY ("followUpReviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;
