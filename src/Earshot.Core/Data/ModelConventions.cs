using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Earshot.Core.Agents;
using Earshot.Core.Channels;
using Earshot.Core.Conversations;
using Earshot.Core.Ingestion;
using Earshot.Core.Replies;
using Earshot.Core.Reporting;
using Earshot.Core.Routing;
using Earshot.Core.Workspaces;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Earshot.Core.Data;

/// <summary>
/// The provider-neutral choices: UTC times, enums as strings, JSON documents as text, snake_case names
/// (so the few raw SQL statements read the same on SQLite and PostgreSQL).
/// </summary>
static class ModelConventions
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Configure(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<PostStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<PostDirection>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<ConversationStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<OfferStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<ReplyStatus>().HaveConversion<string>().HaveMaxLength(24);
        builder.Properties<ReplyVisibility>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<ReportingEventKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<SourceStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Presence>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AgentRoleName>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Intent>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Bucket>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<RiskFlags>().HaveConversion<string>().HaveMaxLength(64);
    }

    /// <summary>Stores a value as a JSON text column, compared by its JSON so EF notices in-place changes.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class
    {
        var converter = new ValueConverter<T, string>(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<T>(s, Json)!);
        var comparer = new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            v => JsonSerializer.Serialize(v, Json).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!);
        property.HasConversion(converter, comparer).IsRequired();
        return property;
    }

    public static void UseSnakeCaseNames(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            entity.SetTableName(Snake(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Snake(property.Name));
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(Snake(key.GetName()!));
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(Snake(foreignKey.GetConstraintName()!));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(Snake(index.GetDatabaseName()!));
            }
        }
    }

    static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>SQLite hands back unspecified kinds; PostgreSQL's timestamptz wants UTC. Everything is UTC.</summary>
    sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
