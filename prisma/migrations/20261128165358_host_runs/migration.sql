-- CreateTable
CREATE TABLE "HostRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "problemSlug" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "stateJson" TEXT NOT NULL,
    "transcriptJson" TEXT NOT NULL DEFAULT '[]',
    "hintsShown" INTEGER NOT NULL DEFAULT 0,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "lastCheckJson" TEXT,
    "solvedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HostRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HostRun_userId_problemSlug_active_idx" ON "HostRun"("userId", "problemSlug", "active");
