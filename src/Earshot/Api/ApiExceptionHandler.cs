using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Earshot.Api;

/// <summary>Turns request errors into 4xx problems; anything else is a 500 without internals.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            JsonException json => (StatusCodes.Status400BadRequest, "Bad request", $"Malformed JSON at {json.Path ?? "$"}: {json.Message}"),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "Something went wrong on our side; it has been logged."),
        };
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        await Problems.WriteAsync(context, status, title, detail);
        return true;
    }
}
