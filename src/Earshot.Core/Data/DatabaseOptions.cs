using System.ComponentModel.DataAnnotations;

namespace Earshot.Core.Data;

/// <summary>Settings under <c>Earshot:Database</c>; the connection string is <c>ConnectionStrings:Earshot</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Earshot:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=earshot.db";
}
