namespace Earshot.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }
