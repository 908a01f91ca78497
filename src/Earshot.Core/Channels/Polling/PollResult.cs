using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Polling;

/// <summary>What one poll heard, and the cursor to resume from (the old one when nothing moved).</summary>
public sealed record PollResult(IReadOnlyList<PostDocument> Posts, string? NewCursor);
