using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Earshot.Core.Ingestion;
using Earshot.Core.Reporting;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Cli;

/// <summary>The published executable: import from a file, and a crash in the middle of a stream.</summary>
public sealed class ProcessTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task Import_Csv_StoresGoodRowsReportsBadOnesAndTriagesThem()
    {
        var dir = Directory.CreateTempSubdirectory("earshot-import-");
        var file = Path.Combine(dir.FullName, "posts.csv");
        await File.WriteAllTextAsync(file, """
            id,platform,handle,followers,text,created_at
            csv-1,x,jo,5400,"@acmeair lost my bag again, 3rd time!! #fail",2026-11-20T10:15:00Z
            csv-2,mastodon,li,12,"Lovely crew on the Lisbon flight, thanks",2026-11-20T10:16:00Z
            csv-3,x,bad,many,"followers is not a number",2026-11-20T10:17:00Z
            """);

        var (exit, output) = await EarshotProcess.RunAsync(database, dir.FullName, "import", file);

        Assert.Equal(0, exit);
        Assert.Contains("line 4", output);
        await using var db = database.CreateContext();
        var posts = await db.Posts.Where(p => p.ExternalId.StartsWith("csv-")).OrderBy(p => p.ExternalId).ToListAsync();
        Assert.Equal(["csv-1", "csv-2"], posts.Select(p => p.ExternalId));
        Assert.All(posts, p => Assert.Equal(PostStatus.Processed, p.Status));
        Assert.NotNull(posts[0].ConversationId);
    }

    [Fact]
    public async Task Import_MissingFile_FailsWithMessage()
    {
        var (exit, output) = await EarshotProcess.RunAsync(database, Path.GetTempPath(), "import", "no-such-file.jsonl");

        Assert.NotEqual(0, exit);
        Assert.Contains("does not exist", output);
    }

    [Fact]
    public async Task Serve_KilledMidStream_LosesNoAcceptedPostAndTriagesEachOnce()
    {
        var dir = Directory.CreateTempSubdirectory("earshot-crash-");
        var accepted = new List<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EarshotAppFactory.AdminKey);

        var port = EarshotProcess.FreePort();
        using (var server = EarshotProcess.Start(database, dir.FullName, "serve", "--urls", $"http://127.0.0.1:{port}"))
        {
            await Eventually.HoldsAsync(async () => await EarshotProcess.IsUpAsync(http, port), TimeSpan.FromSeconds(60), "the server to start");
            for (var batch = 0; batch < 40; batch++)
            {
                var ids = Enumerable.Range(0, 10).Select(i => $"crash-{batch}-{i}").ToList();
                var body = "[" + string.Join(",", ids.Select((id, i) =>
                    "{\"id\":\"" + id + "\",\"platform\":\"x\",\"text\":\"@acmeair my flight " + id
                    + " was cancelled, still waiting for a refund\",\"author\":{\"handle\":\"u" + batch + "x" + i + "\"}}")) + "]";
                var response = await http.PostAsync($"http://127.0.0.1:{port}/api/v1/posts", new StringContent(body, Encoding.UTF8, "application/json"));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.AddRange(ids);
                }
            }
            server.Kill();
        }

        port = EarshotProcess.FreePort();
        using var restarted = EarshotProcess.Start(database, dir.FullName, "serve", "--urls", $"http://127.0.0.1:{port}");
        await using var db = database.CreateContext();
        await Eventually.HoldsAsync(async () =>
            await db.Posts.CountAsync(p => p.ExternalId.StartsWith("crash-") && p.Status == PostStatus.Processed) == accepted.Count,
            TimeSpan.FromSeconds(60), "every accepted post to be processed after the restart");

        var stored = await db.Posts.Where(p => p.ExternalId.StartsWith("crash-")).Select(p => new { p.ExternalId, p.ConversationId }).ToListAsync();
        Assert.Equal(400, accepted.Count);
        Assert.Equal(accepted.Order(), stored.Select(p => p.ExternalId).Order());
        var conversations = stored.Select(p => p.ConversationId).Distinct().ToList();
        var opened = await db.ReportingEvents.CountAsync(e => e.Kind == ReportingEventKind.ConversationOpened && conversations.Contains(e.ConversationId));
        Assert.Equal(conversations.Count, opened);
    }


    [Fact]
    public async Task TrainThenClassifyWithModel_UsesTheTrainedModel()
    {
        var dir = Directory.CreateTempSubdirectory("earshot-train-");
        var data = Path.Combine(dir.FullName, "labelled.jsonl");
        var lines = Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? $$"""{"text":"zorblat widget broke again {{i}}","intent":"complaint","actionable":true}"""
            : $$"""{"text":"lovely sunny day at the beach {{i}}","intent":"other","actionable":false}""");
        await File.WriteAllLinesAsync(data, lines);
        var input = Path.Combine(dir.FullName, "posts.jsonl");
        await File.WriteAllTextAsync(input, "{\"id\":\"q\",\"text\":\"zorblat widget broke\"}\n");

        var (trainExit, trainOutput) = await EarshotProcess.RunAsync(database, dir.FullName, "train", "--data", data, "--out", "model.bin");
        var (evalExit, evalOutput) = await EarshotProcess.RunAsync(database, dir.FullName, "eval", "--data", data, "--folds", "3");
        var (classifyExit, classified) = await EarshotProcess.RunAsync(database, dir.FullName, "classify", "--model", "model.bin", input);

        Assert.Equal((0, 0, 0), (trainExit, evalExit, classifyExit));
        Assert.Contains("Trained on 60", trainOutput);
        Assert.Contains("3-fold cross-validation over 60 examples", evalOutput);
        Assert.Contains("\"intent\":\"complaint\"", classified);
    }
}
