-- CreateTable
CREATE TABLE "residents" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "display_name" TEXT,
    "village" TEXT,
    "role" TEXT NOT NULL DEFAULT 'resident',
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "anonymised_at" DATETIME
);

-- CreateTable
CREATE TABLE "channel_identities" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "resident_id" INTEGER NOT NULL,
    "display_name" TEXT,
    "created_at" DATETIME NOT NULL,
    "last_seen_at" DATETIME NOT NULL,
    CONSTRAINT "channel_identities_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resident_id" INTEGER NOT NULL,
    "active_form" TEXT,
    "form_state" TEXT,
    "memory" TEXT NOT NULL DEFAULT '{}',
    "last_channel" TEXT,
    "last_activity_at" DATETIME NOT NULL,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "conversations_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "inbound_messages" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "platform_message_id" TEXT NOT NULL,
    "resident_id" INTEGER NOT NULL,
    "sender_id" TEXT NOT NULL,
    "reply_address" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" TEXT,
    "status" TEXT NOT NULL,
    "intent" TEXT,
    "score" REAL,
    "error_id" TEXT,
    "received_at" DATETIME NOT NULL,
    "handled_at" DATETIME,
    CONSTRAINT "inbound_messages_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "outbound_messages" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "inbound_id" INTEGER,
    "resident_id" INTEGER,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "options" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" DATETIME NOT NULL,
    "last_error" TEXT,
    "created_at" DATETIME NOT NULL,
    "sent_at" DATETIME,
    CONSTRAINT "outbound_messages_inbound_id_fkey" FOREIGN KEY ("inbound_id") REFERENCES "inbound_messages" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "outbound_messages_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" TEXT,
    "after" TEXT
);

-- CreateTable
CREATE TABLE "feedback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resident_id" INTEGER,
    "topic" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "phone_cipher" TEXT,
    "phone_masked" TEXT,
    "status" TEXT NOT NULL DEFAULT 'new',
    "created_at" DATETIME NOT NULL,
    CONSTRAINT "feedback_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "handoff_requests" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resident_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_at" DATETIME NOT NULL,
    "answered_at" DATETIME,
    CONSTRAINT "handoff_requests_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "residents_role_idx" ON "residents"("role");

-- CreateIndex
CREATE INDEX "channel_identities_resident_id_idx" ON "channel_identities"("resident_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_identities_channel_external_id_key" ON "channel_identities"("channel", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_resident_id_key" ON "conversations"("resident_id");

-- CreateIndex
CREATE INDEX "inbound_messages_resident_id_received_at_idx" ON "inbound_messages"("resident_id", "received_at");

-- CreateIndex
CREATE INDEX "inbound_messages_status_idx" ON "inbound_messages"("status");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_messages_channel_platform_message_id_key" ON "inbound_messages"("channel", "platform_message_id");

-- CreateIndex
CREATE INDEX "outbound_messages_status_next_attempt_at_idx" ON "outbound_messages"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbound_messages_channel_address_status_idx" ON "outbound_messages"("channel", "address", "status");

-- CreateIndex
CREATE INDEX "outbound_messages_inbound_id_idx" ON "outbound_messages"("inbound_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "handoff_requests_status_idx" ON "handoff_requests"("status");
