-- DropIndex
DROP INDEX "LedgerEntry_awardCandidateId_key";

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_awardCandidateId_userId_key" ON "LedgerEntry"("awardCandidateId", "userId");
