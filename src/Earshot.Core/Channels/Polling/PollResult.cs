using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Polling;

/// <summary>
/// What one poll heard, and the cursor to resume from (the old one when nothing moved). <see cref="WaitAtLeast"/> is
/// set when the platform said the next read must wait longer than the usual interval (a spent rate-limit window).
/// </summary>
public sealed record PollResult(IReadOnlyList<PostDocument> Posts, string? NewCursor, TimeSpan? WaitAtLeast = null);
