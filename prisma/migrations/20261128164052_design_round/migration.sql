-- CreateTable
CREATE TABLE "DesignDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "problemSlug" TEXT NOT NULL,
    "answerJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DesignDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DesignSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "problemSlug" TEXT NOT NULL,
    "answerJson" TEXT NOT NULL,
    "reportJson" TEXT NOT NULL,
    "objectivePoints" REAL NOT NULL,
    "objectiveMax" REAL NOT NULL,
    "selfRatingsJson" TEXT,
    "selfRatedAt" DATETIME,
    "reviewStatus" TEXT NOT NULL DEFAULT 'none',
    "reviewRequestedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DesignSubmission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DesignReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "scoresJson" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DesignReview_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "DesignSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DesignReview_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DesignDraft_userId_problemSlug_key" ON "DesignDraft"("userId", "problemSlug");

-- CreateIndex
CREATE INDEX "DesignSubmission_userId_problemSlug_createdAt_idx" ON "DesignSubmission"("userId", "problemSlug", "createdAt");

-- CreateIndex
CREATE INDEX "DesignSubmission_reviewStatus_reviewRequestedAt_idx" ON "DesignSubmission"("reviewStatus", "reviewRequestedAt");

-- CreateIndex
CREATE INDEX "DesignReview_submissionId_createdAt_idx" ON "DesignReview"("submissionId", "createdAt");

-- CreateIndex
CREATE INDEX "DesignReview_mentorId_idx" ON "DesignReview"("mentorId");
