-- dyad's schema (version 1): SQLite's, then PostgreSQL's below. Offsets are UTF-8 byte offsets into articles.text.
-- Articles have an integer key (aid) that the other tables use: integer keys keep the
-- b-trees small and the inserts fast.
-- 16 KB pages for a new file (an existing one keeps its own): fewer and larger writes, and
-- about a tenth less CPU to store the benchmark corpus than with 4 KB.
PRAGMA page_size = 16384;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -65536;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES ('schema', '1');
-- sentences: the article's sentence spans as "start-end start-end ..." (byte offsets), so
-- sentence i's text is substr(CAST(text AS BLOB), start + 1, end - start).
CREATE TABLE IF NOT EXISTS articles (
  aid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, title TEXT, source TEXT, url TEXT,
  published TEXT, text TEXT NOT NULL, sentences TEXT, error TEXT, ingested TEXT DEFAULT (datetime('now')));
CREATE TABLE IF NOT EXISTS entities (
  aid INTEGER NOT NULL, eid TEXT NOT NULL, name TEXT, type TEXT, country TEXT, sector TEXT, code TEXT,
  mentions INTEGER, PRIMARY KEY (aid, eid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quotes (
  aid INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT, kind TEXT,
  cue TEXT, cue_start INTEGER, cue_end INTEGER, source TEXT, source_start INTEGER, source_end INTEGER,
  speaker_eid TEXT, speaker_name TEXT);
CREATE INDEX IF NOT EXISTS quotes_aid ON quotes (aid, idx);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);
CREATE TABLE IF NOT EXISTS events (
  aid INTEGER NOT NULL, idx INTEGER NOT NULL, sentence INTEGER, start INTEGER, "end" INTEGER,
  src_eid TEXT, src_name TEXT, src_text TEXT, src_country TEXT, src_sector TEXT,
  tgt_eid TEXT, tgt_name TEXT, tgt_text TEXT, tgt_country TEXT, tgt_sector TEXT,
  cameo TEXT, root TEXT, plover TEXT, goldstein REAL, quad INTEGER, cue TEXT, cue_start INTEGER, cue_end INTEGER,
  date TEXT, place TEXT, place_country TEXT, lat REAL, lon REAL, PRIMARY KEY (aid, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_root ON events (root);
CREATE INDEX IF NOT EXISTS events_src ON events (src_country);
CREATE INDEX IF NOT EXISTS events_tgt ON events (tgt_country);
-- Search terms are single words (query.c), so the indexes keep no positions (detail=none):
-- a third less work at ingest than full detail; and no column sizes (nothing ranks by BM25).
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, content='articles', content_rowid='aid', detail='none', columnsize=0);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5 (text, content='quotes', content_rowid='rowid', detail='none', columnsize=0);
-- Bulk loading: a batch's terms gather in 8 MB (not 1 MB) before they go to a segment, and
-- segments merge 16 at a time (not 4): a fifth less work per article indexed, for up to
-- 15 segments a level for a search to read.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('automerge', 16);
-- The full-text indexes are kept by the store itself, a batch at a time (store.c): a
-- trigger per row would make every insert pay for FTS5's savepoints.
-- == PostgreSQL ==
-- The same tables in PostgreSQL (the backend runs what follows this line). Keys come from
-- the articles' sequence, reserved a batch at a time by the writer, which loads with COPY.
-- Full-text search: tsvector columns of the distinct lowercased words of the title and
-- text, or of the quote (made by the writer, postgres.c), with GIN indexes.
-- No foreign keys: their per-row triggers would slow COPY; the writer deletes an
-- article's rows from every table itself. One lock serialises two first runs.
SELECT pg_advisory_xact_lock(4227);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO meta VALUES ('schema', '1') ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS articles (
  aid BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, title TEXT, source TEXT, url TEXT,
  published TEXT, text TEXT NOT NULL, sentences TEXT, error TEXT, ingested TIMESTAMPTZ DEFAULT now(), tsv TSVECTOR);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin (tsv);
CREATE TABLE IF NOT EXISTS entities (
  aid BIGINT NOT NULL, eid TEXT NOT NULL, name TEXT, type TEXT, country TEXT, sector TEXT, code TEXT,
  mentions INTEGER, PRIMARY KEY (aid, eid));
CREATE TABLE IF NOT EXISTS quotes (
  aid BIGINT NOT NULL, idx INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT, kind TEXT,
  cue TEXT, cue_start INTEGER, cue_end INTEGER, source TEXT, source_start INTEGER, source_end INTEGER,
  speaker_eid TEXT, speaker_name TEXT, tsv TSVECTOR, PRIMARY KEY (aid, idx));
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);
CREATE INDEX IF NOT EXISTS quotes_tsv ON quotes USING gin (tsv);
CREATE TABLE IF NOT EXISTS events (
  aid BIGINT NOT NULL, idx INTEGER NOT NULL, sentence INTEGER, start INTEGER, "end" INTEGER,
  src_eid TEXT, src_name TEXT, src_text TEXT, src_country TEXT, src_sector TEXT,
  tgt_eid TEXT, tgt_name TEXT, tgt_text TEXT, tgt_country TEXT, tgt_sector TEXT,
  cameo TEXT, root TEXT, plover TEXT, goldstein DOUBLE PRECISION, quad INTEGER, cue TEXT, cue_start INTEGER,
  cue_end INTEGER, date TEXT, place TEXT, place_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  PRIMARY KEY (aid, idx));
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_root ON events (root);
CREATE INDEX IF NOT EXISTS events_src ON events (src_country);
CREATE INDEX IF NOT EXISTS events_tgt ON events (tgt_country);
