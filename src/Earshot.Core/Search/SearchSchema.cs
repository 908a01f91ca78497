namespace Earshot.Core.Search;

/// <summary>
/// The full-text index each database needs, outside the EF model (which cannot describe either). The migrations
/// run these statements; they are idempotent, so running them again repairs a missing index or trigger.
/// </summary>
public static class SearchSchema
{
    /// <summary>The document PostgreSQL indexes and searches; query and index must use this exact expression.</summary>
    public const string PostgresDocument =
        "to_tsvector('simple'::regconfig, coalesce(text, '') || ' ' || coalesce(author_handle, '') || ' ' || coalesce(author_name, ''))";

    /// <summary>An external-content FTS5 table over posts, triggers that keep it in step, and a first fill.</summary>
    public const string SqliteUp = """
        CREATE VIRTUAL TABLE IF NOT EXISTS posts_fts USING fts5(
            text, author_handle, author_name, content='posts', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS posts_fts_insert AFTER INSERT ON posts BEGIN
            INSERT INTO posts_fts(rowid, text, author_handle, author_name) VALUES (new.id, new.text, new.author_handle, new.author_name);
        END;
        CREATE TRIGGER IF NOT EXISTS posts_fts_delete AFTER DELETE ON posts BEGIN
            INSERT INTO posts_fts(posts_fts, rowid, text, author_handle, author_name) VALUES ('delete', old.id, old.text, old.author_handle, old.author_name);
        END;
        CREATE TRIGGER IF NOT EXISTS posts_fts_update AFTER UPDATE OF text, author_handle, author_name ON posts BEGIN
            INSERT INTO posts_fts(posts_fts, rowid, text, author_handle, author_name) VALUES ('delete', old.id, old.text, old.author_handle, old.author_name);
            INSERT INTO posts_fts(rowid, text, author_handle, author_name) VALUES (new.id, new.text, new.author_handle, new.author_name);
        END;
        INSERT INTO posts_fts(posts_fts) VALUES ('rebuild');
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS posts_fts_update;
        DROP TRIGGER IF EXISTS posts_fts_delete;
        DROP TRIGGER IF EXISTS posts_fts_insert;
        DROP TABLE IF EXISTS posts_fts;
        """;

    public const string PostgresUp = $"CREATE INDEX IF NOT EXISTS ix_posts_search ON posts USING GIN ({PostgresDocument});";

    public const string PostgresDown = "DROP INDEX IF EXISTS ix_posts_search;";
}
