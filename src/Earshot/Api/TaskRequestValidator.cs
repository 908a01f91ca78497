using Earshot.Core.Data;
using Earshot.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Checks a <see cref="TaskRequest"/> field by field; the first problem names its field.</summary>
static class TaskRequestValidator
{
    public static async Task<(WorkTask? Task, IResult? Problem)> ValidateAsync(TaskRequest request, EarshotDbContext db, CancellationToken ct)
    {
        if (request.QueueId is null && string.IsNullOrWhiteSpace(request.Queue))
        {
            return (null, Problems.BadRequest("queue_id or queue (a queue name) is required", "queue_id"));
        }
        var name = request.Queue?.Trim();
        var queue = request.QueueId is { } id
            ? await db.Queues.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct)
            : await db.Queues.AsNoTracking().SingleOrDefaultAsync(q => q.Name == name, ct);
        if (queue is null)
        {
            return request.QueueId is { } missing
                ? (null, Problems.BadRequest($"queue {missing} does not exist in this workspace", "queue_id"))
                : (null, Problems.BadRequest($"no queue named '{name}' in this workspace", "queue"));
        }
        if (!IsName(request.Channel))
        {
            return (null, Problems.BadRequest("channel is required: 1–32 lower-case letters, digits, '-' or '_' (e.g. phone-callback)", "channel"));
        }
        if (!IsName(request.Medium))
        {
            return (null, Problems.BadRequest("medium is required: the capacity class, 1–32 lower-case letters, digits, '-' or '_' (e.g. task)", "medium"));
        }
        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > 200)
        {
            return (null, Problems.BadRequest("subject is required (at most 200 characters)", "subject"));
        }
        if (request.Priority is < 0 or > 100)
        {
            return (null, Problems.BadRequest("priority must be from 0 to 100", "priority"));
        }
        if (request.ExternalId is { } externalId && (string.IsNullOrWhiteSpace(externalId) || externalId.Length > 256))
        {
            return (null, Problems.BadRequest("external_id must be 1–256 characters", "external_id"));
        }
        Core.Contacts.Contact? contact = null;
        if (request.Contact is { } customerId)
        {
            contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId, ct);
            if (contact is null)
            {
                return (null, Problems.BadRequest($"no contact with customer id '{customerId}' in this workspace", "contact"));
            }
        }
        return (new WorkTask(queue, request.Channel!, request.Medium!, request.Subject.Trim(), request.Priority ?? 50, request.ExternalId, contact), null);
    }

    static bool IsName(string? value) =>
        value is { Length: > 0 and <= 32 } && value.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
