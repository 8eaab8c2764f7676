-- CreateTable
CREATE TABLE "enrolment_applications" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resident_id" INTEGER,
    "coverage_year" INTEGER NOT NULL,
    "relation" TEXT NOT NULL,
    "name_cipher" TEXT NOT NULL,
    "name_masked" TEXT NOT NULL,
    "id_cipher" TEXT NOT NULL,
    "id_hash" TEXT,
    "id_masked" TEXT NOT NULL,
    "age_group" TEXT NOT NULL,
    "village" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "phone_cipher" TEXT,
    "phone_hash" TEXT,
    "phone_masked" TEXT,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "return_reason" TEXT,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "anonymised_at" DATETIME,
    CONSTRAINT "enrolment_applications_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "insurance_reminders" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resident_id" INTEGER NOT NULL,
    "coverage_year" INTEGER NOT NULL,
    "sent_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "insurance_reminder_opt_outs" (
    "resident_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "enrolment_applications_id_hash_coverage_year_idx" ON "enrolment_applications"("id_hash", "coverage_year");

-- CreateIndex
CREATE INDEX "enrolment_applications_resident_id_idx" ON "enrolment_applications"("resident_id");

-- CreateIndex
CREATE INDEX "enrolment_applications_coverage_year_status_idx" ON "enrolment_applications"("coverage_year", "status");

-- CreateIndex
CREATE UNIQUE INDEX "insurance_reminders_resident_id_coverage_year_key" ON "insurance_reminders"("resident_id", "coverage_year");
