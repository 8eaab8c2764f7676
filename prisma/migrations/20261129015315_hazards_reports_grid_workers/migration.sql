-- CreateTable
CREATE TABLE "grid_workers" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "grid_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "resident_id" INTEGER,
    "bound_at" DATETIME,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "staff_bind_codes" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code_hash" TEXT NOT NULL,
    "grid_worker_id" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL,
    "expires_at" DATETIME NOT NULL,
    "used_at" DATETIME,
    CONSTRAINT "staff_bind_codes_grid_worker_id_fkey" FOREIGN KEY ("grid_worker_id") REFERENCES "grid_workers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "hazard_reports" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "resident_id" INTEGER,
    "source" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "place_id" TEXT,
    "address" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "grid_id" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "urgent_kind" TEXT,
    "photos" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "status_note" TEXT,
    "duplicate_of" TEXT,
    "contact_cipher" TEXT,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "assigned_at" DATETIME NOT NULL,
    "acknowledged_at" DATETIME,
    "closed_at" DATETIME,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "escalated_at" DATETIME,
    "rating" INTEGER,
    "rated_at" DATETIME,
    CONSTRAINT "hazard_reports_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "hazard_updates" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "report_id" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "hazard_updates_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "hazard_reports" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "grid_workers_key_key" ON "grid_workers"("key");

-- CreateIndex
CREATE INDEX "grid_workers_grid_id_idx" ON "grid_workers"("grid_id");

-- CreateIndex
CREATE INDEX "grid_workers_resident_id_idx" ON "grid_workers"("resident_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_bind_codes_code_hash_key" ON "staff_bind_codes"("code_hash");

-- CreateIndex
CREATE INDEX "staff_bind_codes_grid_worker_id_idx" ON "staff_bind_codes"("grid_worker_id");

-- CreateIndex
CREATE UNIQUE INDEX "hazard_reports_code_key" ON "hazard_reports"("code");

-- CreateIndex
CREATE INDEX "hazard_reports_resident_id_idx" ON "hazard_reports"("resident_id");

-- CreateIndex
CREATE INDEX "hazard_reports_grid_id_status_idx" ON "hazard_reports"("grid_id", "status");

-- CreateIndex
CREATE INDEX "hazard_reports_status_assigned_at_idx" ON "hazard_reports"("status", "assigned_at");

-- CreateIndex
CREATE INDEX "hazard_reports_created_at_idx" ON "hazard_reports"("created_at");

-- CreateIndex
CREATE INDEX "hazard_updates_report_id_at_idx" ON "hazard_updates"("report_id", "at");
