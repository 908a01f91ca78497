using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Open media: work items from other systems routed by the same engine as social posts.</summary>
public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/tasks").WithTags("Tasks")
            .MapPost("/", CreateAsync)
            .WithSummary("Put a work item (phone callback, CRM case, chat...) into a queue")
            .WithDescription("Creates a conversation on the given channel and capacity class (medium) that the router offers like any other. "
                             + "Idempotent on external_id: sending the same external_id again answers 200 with the existing item.");
        return api;
    }

    static async Task<Results<Created<ConversationJson>, Ok<ConversationJson>, ProblemHttpResult>> CreateAsync(
        TaskRequest request, ClaimsPrincipal user, EarshotDbContext db, WorkTaskService tasks, CancellationToken ct)
    {
        var (task, problem) = await TaskRequestValidator.ValidateAsync(request, db, ct);
        if (task is null)
        {
            return (ProblemHttpResult)problem!;
        }
        var (conversation, created) = await tasks.CreateAsync(db, user.WorkspaceId(), task, ct);
        var json = ConversationJson.From(conversation);
        return created ? TypedResults.Created($"/api/v1/conversations/{conversation.Id}", json) : TypedResults.Ok(json);
    }
}

/// <summary>A work item from another system. Give the queue by id or by name; medium is its capacity class.</summary>
public sealed record TaskRequest(
    long? QueueId, string? Queue, string? Channel, string? Medium, string? Subject, int? Priority, string? ExternalId, string? Contact);
