-- CreateIndex
CREATE INDEX "Message_sentAt_idx" ON "Message"("sentAt");
