using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Ingestion;

/// <summary>Source-generated JSON for the post shape: no reflection on the hot path of import and classify.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PostDocument))]
public sealed partial class PostJsonContext : JsonSerializerContext;
