-- dyad's SQLite schema (version 1). Offsets are UTF-8 byte offsets into articles.text.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES ('schema', '1');
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL, title TEXT, source TEXT, url TEXT, published TEXT,
  text TEXT NOT NULL, error TEXT, ingested TEXT DEFAULT (datetime('now')));
CREATE TABLE IF NOT EXISTS sentences (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT,
  PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS entities (
  article_id TEXT NOT NULL, eid TEXT NOT NULL, name TEXT, type TEXT, country TEXT, sector TEXT, code TEXT,
  mentions INTEGER, PRIMARY KEY (article_id, eid));
CREATE TABLE IF NOT EXISTS quotes (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT, kind TEXT,
  cue TEXT, cue_start INTEGER, cue_end INTEGER, source TEXT, source_start INTEGER, source_end INTEGER,
  speaker_eid TEXT, speaker_name TEXT, PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS events (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, sentence INTEGER, start INTEGER, "end" INTEGER,
  src_eid TEXT, src_name TEXT, src_text TEXT, src_country TEXT, src_sector TEXT,
  tgt_eid TEXT, tgt_name TEXT, tgt_text TEXT, tgt_country TEXT, tgt_sector TEXT,
  cameo TEXT, root TEXT, plover TEXT, goldstein REAL, quad INTEGER, cue TEXT, cue_start INTEGER, cue_end INTEGER,
  date TEXT, place TEXT, place_country TEXT, lat REAL, lon REAL, PRIMARY KEY (article_id, idx));
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_root ON events (root);
CREATE INDEX IF NOT EXISTS events_src ON events (src_country);
CREATE INDEX IF NOT EXISTS events_tgt ON events (tgt_country);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5 (text, content='sentences', content_rowid='rowid');
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5 (text, content='quotes', content_rowid='rowid');
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
CREATE TRIGGER IF NOT EXISTS quotes_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER IF NOT EXISTS quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
