using Microsoft.AspNetCore.Mvc;

namespace Earshot.Api;

/// <summary>Every error of the API is application/problem+json with a detail a person can act on.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail, string? field = null) => Result(StatusCodes.Status400BadRequest, "Bad request", detail, field);
    public static IResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, "Not found", detail);
    public static IResult Conflict(string detail) => Result(StatusCodes.Status409Conflict, "Conflict", detail);
    public static IResult TooLarge(string detail) => Result(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail);

    public static IResult Result(int status, string title, string detail, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        return TypedResults.Problem(problem);
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" };
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
