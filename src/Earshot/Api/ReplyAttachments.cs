using Earshot.Core.Replies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Earshot.Api;

/// <summary>
/// Checks the attachments of a reply request: absolute http(s) addresses and short alt texts. The network's own limits
/// (count, type, size) are checked when the reply is sent, where the network is known, and fail the reply with a message.
/// </summary>
public static class ReplyAttachments
{
    public const int MaxCount = 10;
    const int MaxUrlLength = 2048;
    const int MaxDescriptionLength = 1500;

    public static (List<ReplyAttachment>? Attachments, ProblemHttpResult? Problem) Read(IReadOnlyList<ReplyAttachmentRequest?>? requested)
    {
        if (requested is not { Count: > 0 })
        {
            return (null, null);
        }
        if (requested.Count > MaxCount)
        {
            return (null, (ProblemHttpResult)Problems.BadRequest($"attachments has {requested.Count} items; at most {MaxCount}", "attachments"));
        }
        var attachments = new List<ReplyAttachment>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var item = requested[i];
            var url = item?.Url?.Trim();
            if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength
                || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                return (null, (ProblemHttpResult)Problems.BadRequest($"attachments[{i}].url must be an absolute http(s) address of at most {MaxUrlLength} characters", $"attachments[{i}].url"));
            }
            var description = item!.Description?.Trim();
            if (description?.Length > MaxDescriptionLength)
            {
                return (null, (ProblemHttpResult)Problems.BadRequest($"attachments[{i}].description is longer than {MaxDescriptionLength:N0} characters", $"attachments[{i}].description"));
            }
            attachments.Add(new ReplyAttachment(parsed.ToString(), string.IsNullOrEmpty(description) ? null : description));
        }
        return (attachments, null);
    }
}
