using System.Text.Json;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Meta;

/// <summary>
/// Reads a Graph API webhook delivery (<c>{"object":"page"|"instagram","entry":[…]}</c>) into posts, each with the
/// id of the page or Instagram account it was delivered for (<c>entry[].id</c>). Handles feed comments and visitor
/// posts (<c>changes[]</c> with <c>field: feed</c>), Instagram comments (<c>field: comments</c>) and messages
/// (<c>messaging[]</c>). Echoes of the account's own messages and comments are skipped.
/// </summary>
public static class GraphWebhook
{
    public sealed record Item(string AccountId, PostDocument Post);

    /// <summary>The items of <paramref name="body"/>; throws <see cref="JsonException"/> when it is not a delivery.</summary>
    public static List<Item> Read(ReadOnlySpan<byte> body, string platform)
    {
        using var doc = JsonDocument.Parse(body.ToArray());
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A Graph webhook delivery is an object with an 'entry' array.");
        }
        var items = new List<Item>();
        foreach (var entry in entries.EnumerateArray())
        {
            var account = Text(entry, "id");
            if (account is null)
            {
                continue;
            }
            var entryTime = entry.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : (long?)null;
            if (entry.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
            {
                foreach (var change in changes.EnumerateArray())
                {
                    if (ReadChange(change, account, platform, entryTime) is { } post)
                    {
                        items.Add(new Item(account, post));
                    }
                }
            }
            if (entry.TryGetProperty("messaging", out var messaging) && messaging.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in messaging.EnumerateArray())
                {
                    if (ReadMessage(message, account, platform) is { } post)
                    {
                        items.Add(new Item(account, post));
                    }
                }
            }
        }
        return items;
    }

    static PostDocument? ReadChange(JsonElement change, string account, string platform, long? entryTime)
    {
        var field = Text(change, "field");
        if (!change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var from = value.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        var fromId = from.ValueKind == JsonValueKind.Object ? Text(from, "id") : null;
        if (fromId == account)
        {
            return null;
        }
        if (field == "feed")
        {
            // Page feed: comments on the page's posts and posts visitors write on the page. Edits and removals are not new posts.
            var item = Text(value, "item");
            if (Text(value, "verb") != "add" || item is not ("comment" or "post" or "status"))
            {
                return null;
            }
            var comment = item == "comment";
            var id = comment ? Text(value, "comment_id") : Text(value, "post_id");
            var text = Text(value, "message");
            if (id is null || string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            return new PostDocument
            {
                Id = id,
                Platform = platform,
                Text = text,
                Author = fromId is null ? null : new PostAuthor { Handle = fromId, Name = Text(from, "name") },
                CreatedAt = Seconds(value, "created_time") ?? FromSeconds(entryTime),
                InReplyTo = comment ? Text(value, "parent_id") ?? Text(value, "post_id") : null,
            };
        }
        if (field == "comments" || field == "live_comments")
        {
            // Instagram: a comment (or a reply to one, with parent_id) on the account's media.
            var id = Text(value, "id");
            var text = Text(value, "text");
            if (id is null || string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            var username = from.ValueKind == JsonValueKind.Object ? Text(from, "username") : null;
            var media = value.TryGetProperty("media", out var m) && m.ValueKind == JsonValueKind.Object ? Text(m, "id") : null;
            return new PostDocument
            {
                Id = id,
                Platform = platform,
                Text = text,
                Author = username is null && fromId is null ? null : new PostAuthor { Handle = username ?? fromId, Name = username },
                CreatedAt = FromSeconds(entryTime),
                InReplyTo = Text(value, "parent_id") ?? media,
            };
        }
        return null;
    }

    static PostDocument? ReadMessage(JsonElement messaging, string account, string platform)
    {
        if (!messaging.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
            || message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True)
        {
            return null;
        }
        var sender = messaging.TryGetProperty("sender", out var s) ? Text(s, "id") : null;
        var mid = Text(message, "mid");
        if (sender is null || sender == account || mid is null)
        {
            return null;
        }
        var text = Text(message, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            // An attachment with no words still needs an answer: say what arrived.
            var kinds = message.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
                ? attachments.EnumerateArray().Select(a => Text(a, "type") ?? "file").Distinct().ToList()
                : [];
            if (kinds.Count == 0)
            {
                return null;
            }
            text = $"[{string.Join(", ", kinds)} attachment]";
        }
        var ms = messaging.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number ? ts.GetInt64() : (long?)null;
        return new PostDocument
        {
            Id = mid,
            Platform = platform,
            Text = text,
            // Messages know the customer only by their page-scoped id, which is also where an answer goes.
            Author = new PostAuthor { Handle = sender },
            CreatedAt = ms is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : null,
            InReplyTo = message.TryGetProperty("reply_to", out var replyTo) ? Text(replyTo, "mid") : null,
        };
    }

    static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    static DateTimeOffset? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    static DateTimeOffset? FromSeconds(long? seconds) =>
        seconds is null ? null
        // Messenger's entry.time is in milliseconds, the feed's in seconds: tell them apart by size.
        : seconds > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(seconds.Value) : DateTimeOffset.FromUnixTimeSeconds(seconds.Value);
}
