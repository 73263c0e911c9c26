-- The peer's D1: grammY sessions (one JSON value per chat) and the alerts "contact my référent" raises.
CREATE TABLE sessions (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE alerts (
  id TEXT PRIMARY KEY NOT NULL,
  chat_id TEXT NOT NULL,
  message TEXT,
  created_at INTEGER NOT NULL,
  acknowledged_at INTEGER
);
CREATE INDEX alerts_chat ON alerts (chat_id);
