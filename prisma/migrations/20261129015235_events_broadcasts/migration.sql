-- AlterTable
ALTER TABLE "outbound_messages" ADD COLUMN "broadcast_id" INTEGER;

-- CreateTable
CREATE TABLE "events" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "hall_id" TEXT NOT NULL,
    "village" TEXT NOT NULL,
    "starts_at" DATETIME NOT NULL,
    "ends_at" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "signup_deadline" DATETIME NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "event_signups" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "event_id" INTEGER NOT NULL,
    "resident_id" INTEGER,
    "party_size" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "check_in_code" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "promoted_at" DATETIME,
    "promotion_notice_at" DATETIME,
    "cancelled_at" DATETIME,
    "checked_in_at" DATETIME,
    "reminded_at" DATETIME,
    CONSTRAINT "event_signups_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "event_signups_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "notice_subscriptions" (
    "resident_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subscribed" BOOLEAN NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "broadcasts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "event_id" INTEGER,
    "actor" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL,
    "finished_at" DATETIME,
    "report" TEXT,
    CONSTRAINT "broadcasts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "employers" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "job_postings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "external_id" TEXT NOT NULL,
    "employer_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "village" TEXT,
    "location" TEXT NOT NULL DEFAULT '',
    "pay_amount" REAL,
    "pay_max" REAL,
    "pay_unit" TEXT,
    "headcount" INTEGER NOT NULL DEFAULT 1,
    "age_min" INTEGER,
    "age_max" INTEGER,
    "skills" TEXT NOT NULL DEFAULT '[]',
    "certificates" TEXT NOT NULL DEFAULT '[]',
    "perks" TEXT NOT NULL DEFAULT '[]',
    "day_work" BOOLEAN NOT NULL DEFAULT false,
    "part_time" BOOLEAN NOT NULL DEFAULT false,
    "contact" TEXT NOT NULL DEFAULT '',
    "posted_at" DATETIME NOT NULL,
    "valid_until" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "source" TEXT NOT NULL DEFAULT 'import',
    "recommended_at" DATETIME,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "job_postings_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "employers" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "job_seekers" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resident_id" INTEGER,
    "name" TEXT NOT NULL,
    "phone_cipher" TEXT,
    "phone_hash" TEXT,
    "phone_masked" TEXT,
    "skills" TEXT NOT NULL DEFAULT '[]',
    "categories" TEXT NOT NULL DEFAULT '[]',
    "areas" TEXT NOT NULL DEFAULT '[]',
    "availability" TEXT NOT NULL DEFAULT 'any',
    "notify" BOOLEAN NOT NULL DEFAULT true,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "erased_at" DATETIME,
    CONSTRAINT "job_seekers_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "job_applications" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resident_id" INTEGER,
    "posting_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "job_applications_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "job_applications_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "job_postings" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "job_recommendations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seeker_id" INTEGER NOT NULL,
    "posting_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "sent_at" DATETIME NOT NULL,
    CONSTRAINT "job_recommendations_seeker_id_fkey" FOREIGN KEY ("seeker_id") REFERENCES "job_seekers" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "job_recommendations_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "job_postings" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "labor_cases" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resident_id" INTEGER,
    "what" TEXT NOT NULL,
    "employer" TEXT,
    "phone_cipher" TEXT,
    "phone_masked" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "staff_reply" TEXT,
    "replied_at" DATETIME,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "labor_cases_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "events_status_starts_at_idx" ON "events"("status", "starts_at");

-- CreateIndex
CREATE INDEX "event_signups_event_id_status_created_at_idx" ON "event_signups"("event_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "event_signups_resident_id_idx" ON "event_signups"("resident_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_signups_event_id_resident_id_key" ON "event_signups"("event_id", "resident_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_signups_event_id_check_in_code_key" ON "event_signups"("event_id", "check_in_code");

-- CreateIndex
CREATE INDEX "notice_subscriptions_subscribed_idx" ON "notice_subscriptions"("subscribed");

-- CreateIndex
CREATE INDEX "broadcasts_status_idx" ON "broadcasts"("status");

-- CreateIndex
CREATE UNIQUE INDEX "employers_name_key" ON "employers"("name");

-- CreateIndex
CREATE UNIQUE INDEX "job_postings_external_id_key" ON "job_postings"("external_id");

-- CreateIndex
CREATE INDEX "job_postings_status_valid_until_idx" ON "job_postings"("status", "valid_until");

-- CreateIndex
CREATE INDEX "job_postings_category_idx" ON "job_postings"("category");

-- CreateIndex
CREATE INDEX "job_postings_village_idx" ON "job_postings"("village");

-- CreateIndex
CREATE INDEX "job_postings_recommended_at_idx" ON "job_postings"("recommended_at");

-- CreateIndex
CREATE UNIQUE INDEX "job_seekers_resident_id_key" ON "job_seekers"("resident_id");

-- CreateIndex
CREATE INDEX "job_seekers_phone_hash_idx" ON "job_seekers"("phone_hash");

-- CreateIndex
CREATE INDEX "job_seekers_notify_idx" ON "job_seekers"("notify");

-- CreateIndex
CREATE INDEX "job_applications_created_at_idx" ON "job_applications"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "job_applications_resident_id_posting_id_key" ON "job_applications"("resident_id", "posting_id");

-- CreateIndex
CREATE INDEX "job_recommendations_seeker_id_sent_at_idx" ON "job_recommendations"("seeker_id", "sent_at");

-- CreateIndex
CREATE INDEX "job_recommendations_sent_at_idx" ON "job_recommendations"("sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "job_recommendations_seeker_id_posting_id_key" ON "job_recommendations"("seeker_id", "posting_id");

-- CreateIndex
CREATE INDEX "labor_cases_status_idx" ON "labor_cases"("status");

-- CreateIndex
CREATE INDEX "labor_cases_created_at_idx" ON "labor_cases"("created_at");

-- CreateIndex
CREATE INDEX "outbound_messages_broadcast_id_status_idx" ON "outbound_messages"("broadcast_id", "status");
